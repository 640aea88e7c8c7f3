#!/usr/bin/env bash
# Runs every fuzz target for a while, two at a time; builds nothing.
#   fuzz/run.sh BUILD_DIR SECONDS
# BUILD_DIR is a tree configured with -DRXTRACK_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
# -DRXTRACK_BUILD_TESTS=OFF. Each target starts from its committed seed corpus (fuzz/corpus/<name>,
# left untouched; new inputs go to a scratch directory) and fails the script on any crash,
# sanitizer report, leak (see lsan.supp for a known libfreexl one), timeout or use of more than
# 400 MB.
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "usage: $0 BUILD_DIR SECONDS" >&2
  exit 2
fi
build_dir=$1
seconds=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/rxtrack-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
# AddressSanitizer keeps up to 256 MB of freed memory in quarantine (to catch a use after free):
# under a fuzzer that frees millions of small blocks, that alone took fuzz_phone to 511 MB in
# 40 s, against 100 MB with 16 MB of quarantine, and past the 400 MB limit, which is there for
# the readers' own memory. 16 MB still holds the blocks freed by the last few thousand inputs.
export ASAN_OPTIONS="quarantine_size_mb=16${ASAN_OPTIONS:+:$ASAN_OPTIONS}"

targets=(fuzz_csv fuzz_xlsx fuzz_xls fuzz_phone fuzz_json_body)
# Targets run side by side, RXTRACK_FUZZ_JOBS at a time (default 2: the CI machine's cores), so
# five targets of 30 s take a minute and a half, not two and a half.
jobs=${RXTRACK_FUZZ_JOBS:-2}

# run_target NAME: fuzzes one target; its outcome goes to $work/NAME.status.
run_target() {
  local target=$1 binary
  binary=$(find "$build_dir" -type f -name "$target" -perm -u+x | head -n 1)
  if [ -z "$binary" ]; then
    echo "not built in $build_dir" > "$work/$target.log"
    echo failed > "$work/$target.status"
    return
  fi
  mkdir -p "$work/$target"
  if "$binary" -max_total_time="$seconds" -rss_limit_mb=400 -timeout=30 -print_final_stats=1 \
      -artifact_prefix="$work/$target-" "$work/$target" "$here/corpus/$target" \
      > "$work/$target.log" 2>&1; then
    echo ok > "$work/$target.status"
  else
    echo failed > "$work/$target.status"
  fi
}

for target in "${targets[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  echo "== $target (${seconds}s)"
  run_target "$target" &
done
wait

failed=()
for target in "${targets[@]}"; do
  if [ "$(cat "$work/$target.status" 2>/dev/null)" = ok ]; then
    # Only the fuzzer's own summary (fuzz_xls's sandbox children print stats of their own).
    echo "$target: $(grep -E "^Done [0-9]+ runs" "$work/$target.log" | tail -n 1 || true)"
  else
    echo "!! $target failed; last lines of its log:" >&2
    tail -n 40 "$work/$target.log" >&2
    ls "$work"/"$target"-* 2>/dev/null | sed 's/^/!! artifact: /' >&2 || true
    mkdir -p "$build_dir/fuzz-artifacts"
    cp "$work"/"$target"-* "$build_dir/fuzz-artifacts/" 2>/dev/null || true
    failed+=("$target")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzzing failed: ${failed[*]}" >&2
  exit 1
fi
echo "all fuzz targets ran clean"
