#!/usr/bin/env bash
# Fails when a tracked file names a path outside the clone: the working setup's "shared" folder
# beside the repository, or an absolute path under the working setup's root (both written as
# patterns that do not match themselves). A clone of the repository alone must pass ./test.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='\.\./+shared\b|(^|[^A-Za-z0-9_.])/wor[k]/'
if ! command -v git >/dev/null 2>&1 || ! git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  echo "check-standalone: not a git checkout, nothing to check" >&2
  exit 0
fi
if hits=$(git grep -nIE "$pattern" -- . ':!web/package-lock.json'); then
  echo "check-standalone: tracked files name paths outside the repository:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "check-standalone: no tracked file names a path outside the repository"
