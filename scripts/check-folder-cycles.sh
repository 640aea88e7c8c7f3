#!/usr/bin/env bash
# Fails when the source folders depend on each other in a cycle. The graph: one node per
# top-level folder under src/ (src/core/identity counts as part of core, which it is: a leaf that
# includes nothing but core and the standard library); an edge A -> B when a file under src/A
# includes "B/...". Each cycle is named with one include that makes each of its edges, so the
# line to change is in the message. Uses only grep, sed, sort and coreutils' tsort.
set -euo pipefail
cd "$(dirname "$0")/.."

# "from to file:line" for every cross-folder include under src/.
edges=$(grep -rnE '^[[:space:]]*#[[:space:]]*include[[:space:]]+"[A-Za-z0-9_]+/[^"]+"' src \
  --include='*.h' --include='*.cc' |
  sed -nE 's|^(src/([^/:]+)/[^:]*:[0-9]+):.*"([^/"]+)/[^"]*".*$|\2 \3 \1|p' |
  grep -vE '^([^ ]+) \1 ' || true)

# core (with core/identity, which every folder may include) is the leaf: it includes no other
# folder, so no folder it serves can be drawn into a cycle through it.
if core_out=$(grep -E '^core ' <<<"$edges"); then
  echo "check-folder-cycles: src/core must include nothing outside core:" >&2
  cut -d' ' -f2,3 <<<"$core_out" | sed 's/^/  includes /' >&2
  exit 1
fi

pairs=$(cut -d' ' -f1,2 <<<"$edges" | sed '/^$/d' | sort -u)
loops=$(tsort <<<"$pairs" 2>&1 >/dev/null || true)
if ! grep -q 'contains a loop' <<<"$loops"; then
  echo "check-folder-cycles: no cycle between the $(cut -d' ' -f1 <<<"$pairs" | sort -u | wc -l) folders under src/"
  exit 0
fi

echo "check-folder-cycles: folders under src/ include each other in a cycle:" >&2
# tsort prints each loop it breaks as "tsort: -: input contains a loop:" then its members in
# edge order (each includes the next; the last includes the first).
members=()
report_loop() {
  [ ${#members[@]} -gt 0 ] || return 0
  local cycle="" i from to example
  for i in "${!members[@]}"; do cycle+="${members[$i]} -> "; done
  echo "  ${cycle}${members[0]}" >&2
  for i in "${!members[@]}"; do
    from=${members[$i]}
    to=${members[$(((i + 1) % ${#members[@]}))]}
    example=$(grep -m1 -E "^$from $to " <<<"$edges" | cut -d' ' -f3)
    echo "    $from -> $to: ${example:-(edge not found)}" >&2
  done
  members=()
}
while IFS= read -r line; do
  case "$line" in
    *'contains a loop'*) report_loop ;;
    'tsort: '*) members+=("${line#tsort: }") ;;
  esac
done <<<"$loops"
report_loop
exit 1
