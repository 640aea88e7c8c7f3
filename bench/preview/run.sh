#!/usr/bin/env bash
# How fast a preview answers (POST .../contacts/upload?preview=1) for a 20 MB sheet, through the
# real API on SQLite: a .xlsx and a .csv (generated like tests/data/samples by make_sheet) of
# about TARGET_MB each, previewed RUNS times into an empty shop, then again after the sheet has
# been imported (every number then meets a stored one), and with counts=0 (reading stops after
# the rows shown). Prints the server's own time for each preview (from its request log) and
# curl's total (sending 20 MB over loopback included). With counts the preview reads the whole
# file (the counts need it), so those are whole-file figures.
#   bench/preview/run.sh [RUNS] [TARGET_MB]      (defaults 5 and 20)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
target_mb=${2:-20}
build=${BENCH_BUILD_DIR:-build/bench}
bench_bin=$build
bench_work=$(mktemp -d /tmp/rxtrack-preview.XXXXXX)
chmod 755 "$bench_work"
mkdir -p "$bench_work/no-web"
# shellcheck source=bench/lib/server.sh
source bench/lib/server.sh
cleanup() {
  stop_server
  rm -rf "$bench_work"
}
trap cleanup EXIT

configure=(-DCMAKE_BUILD_TYPE=Release -DRXTRACK_BUILD_BENCH=ON)
[ -f "$build/CMakeCache.txt" ] || configure+=(-DRXTRACK_BUILD_TESTS=OFF)
if [ -z "${BENCH_NO_BUILD:-}" ]; then
  cmake -S . -B "$build" -G Ninja "${configure[@]}" >/dev/null
  cmake --build "$build" --target rxtrack make_sheet >/dev/null
fi

# make_target EXT: a sheet of about target_mb MB (rows scaled from a 50,000-row trial; an
# .xlsx stops at Excel's 1,048,575 data rows).
make_target() {
  local ext=$1 trial=50000
  "$build/make_sheet" "$trial" 7 "$bench_work/trial.$ext"
  local size rows
  size=$(stat -c %s "$bench_work/trial.$ext")
  rows=$(awk -v t="$trial" -v s="$size" -v mb="$target_mb" 'BEGIN {printf "%d", t * mb * 1024 * 1024 / s * 0.98}')
  [ "$ext" = xlsx ] && [ "$rows" -gt 1048575 ] && rows=1048575
  "$build/make_sheet" "$rows" 7 "$bench_work/sheet.$ext"
  echo "$rows"
}

xlsx_rows=$(make_target xlsx)
csv_rows=$(make_target csv)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
echo "files: sheet.xlsx $(stat -c %s "$bench_work/sheet.xlsx") bytes ($xlsx_rows rows), sheet.csv $(stat -c %s "$bench_work/sheet.csv") bytes ($csv_rows rows)"

export RXTRACK_DB="sqlite:$bench_work/bench.db"
"$build/rxtrack" migrate >/dev/null
start_server sqlite
base="http://127.0.0.1:$server_port/api/customer-tracking/contacts/upload"

# preview_runs LABEL FILE TOKEN [QUERY]: RUNS previews; prints the server's and curl's medians.
preview_runs() {
  local label=$1 file=$2 token=$3 query=${4:-} server_ms=() total_ms=()
  for _ in $(seq "$runs"); do
    local before
    before=$(grep -c '"route":"/api/customer-tracking/contacts/upload"' "$bench_work/sqlite.log" || true)
    local seconds
    seconds=$(curl -s -o "$bench_work/answer.json" -w '%{time_total}' -H "Authorization: Bearer $token" \
      -F "file=@$bench_work/$file" "$base?preview=1$query")
    grep -q '"rows":\[{' "$bench_work/answer.json" ||
      { echo "preview failed: $(head -c 300 "$bench_work/answer.json")" >&2; exit 1; }
    # The request log line is written once the answer is sent.
    for _ in $(seq 50); do
      [ "$(grep -c '"route":"/api/customer-tracking/contacts/upload"' "$bench_work/sqlite.log" || true)" -gt "$before" ] && break
      sleep 0.02
    done
    server_ms+=("$(grep '"route":"/api/customer-tracking/contacts/upload"' "$bench_work/sqlite.log" | tail -n 1 |
      grep -oE '"ms":[0-9.]+' | cut -d: -f2)")
    total_ms+=("$(awk -v s="$seconds" 'BEGIN {printf "%.1f", s * 1000}')")
  done
  printf '%-28s server median %7.1f ms (runs: %s)  curl median %7.1f ms  counts %s\n' "$label" \
    "$(printf '%s\n' "${server_ms[@]}" | median)" "${server_ms[*]}" \
    "$(printf '%s\n' "${total_ms[@]}" | median)" \
    "$(grep -oE '"counts":(\{[^}]*\}|null)' "$bench_work/answer.json")"
}

n=0
for file in sheet.xlsx sheet.csv; do
  n=$((n + 1))
  email="preview-$n@example.test"
  echo 'bench-password-1' | "$build/rxtrack" shop create --name "Preview $n" --owner-name Bench \
    --owner-email "$email" >/dev/null
  token=$(sign_in "$email" bench-password-1)
  # counts=0: the layout and the first rows only, reading stops there.
  preview_runs "$file counts=0" "$file" "$token" "&counts=0"
  preview_runs "$file (empty shop)" "$file" "$token"
  curl -s -o "$bench_work/answer.json" -H "Authorization: Bearer $token" -F "file=@$bench_work/$file" "$base"
  grep -q '"imported"' "$bench_work/answer.json" ||
    { echo "import failed: $(head -c 300 "$bench_work/answer.json")" >&2; exit 1; }
  preview_runs "$file (after its import)" "$file" "$token"
done
echo "server peak RSS $(($(server_kb VmHWM) / 1024)) MB"
