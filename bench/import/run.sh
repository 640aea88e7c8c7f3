#!/usr/bin/env bash
# Import speed and memory, measured side by side on SQLite and PostgreSQL in one run:
# a 100,000-row .xlsx and .csv (generated like tests/data/samples) uploaded through the real API,
# each into a fresh shop, RUNS times. Reports the server's own time for the upload (from its
# request log), rows per second, and the server's peak RSS growth.
#   bench/import/run.sh [ROWS] [RUNS]      (defaults 100000 and 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-100000}
runs=${2:-5}
build=${BENCH_BUILD_DIR:-build/bench}
work=$(mktemp -d /tmp/rxtrack-bench.XXXXXX)
# A throwaway key for provider secrets: rxtrack needs one named on PostgreSQL (README).
if [ -z "${RXTRACK_SECRET_KEY_FILE:-}" ]; then
  (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$work/secret.key")
  export RXTRACK_SECRET_KEY_FILE="$work/secret.key"
fi
chmod 755 "$work"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  scripts/pg-test-cluster.sh stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# An existing build tree keeps its own choice of tests (as in bench/run).
configure=(-DCMAKE_BUILD_TYPE=Release -DRXTRACK_BUILD_BENCH=ON)
[ -f "$build/CMakeCache.txt" ] || configure+=(-DRXTRACK_BUILD_TESTS=OFF)
cmake -S . -B "$build" -G Ninja "${configure[@]}" >/dev/null
cmake --build "$build" --target rxtrack make_sheet >/dev/null
"$build/make_sheet" "$rows" 7 "$work/sheet.xlsx"
"$build/make_sheet" "$rows" 7 "$work/sheet.csv"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); commit $(git rev-parse --short HEAD)"
echo "files: xlsx $(stat -c %s "$work/sheet.xlsx") bytes, csv $(stat -c %s "$work/sheet.csv") bytes, $rows rows"

kb() { awk -v k="$1" '$1 == k":" {print $2}' "/proc/$server_pid/status"; }

# run_engine NAME DB_URL: starts a server, uploads each file RUNS times into fresh shops.
run_engine() {
  local name=$1 url=$2
  "$build/rxtrack" serve --listen 127.0.0.1:0 --db "$url" --no-scheduler --web-dir "$work" \
    >"$work/$name.out" 2>"$work/$name.log" &
  server_pid=$!
  local port=""
  for _ in $(seq 100); do
    port=$(grep -oE 'listening on http://127.0.0.1:[0-9]+' "$work/$name.out" 2>/dev/null | grep -oE '[0-9]+$' || true)
    [ -n "$port" ] && break
    sleep 0.1
  done
  local rss_start
  rss_start=$(kb VmRSS)
  for file in sheet.xlsx sheet.csv; do
    for run in $(seq "$runs"); do
      local email="bench-$name-$run-$file@example.test"
      echo 'bench-password' | "$build/rxtrack" shop create --db "$url" --name "Bench $run" \
        --owner-name Bench --owner-email "$email" >/dev/null
      local token
      token=$(curl -s -X POST "http://127.0.0.1:$port/api/auth/login" \
        -d "{\"email\":\"$email\",\"password\":\"bench-password\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/')
      curl -s -o "$work/answer.json" -H "Authorization: Bearer $token" -F "file=@$work/$file" \
        "http://127.0.0.1:$port/api/customer-tracking/contacts/upload"
      grep -q '"imported"' "$work/answer.json" || { echo "upload failed: $(head -c 300 "$work/answer.json")"; exit 1; }
    done
    grep '"route":"/api/customer-tracking/contacts/upload"' "$work/$name.log" | tail -n "$runs" |
      grep -oE '"ms":[0-9.]+' | cut -d: -f2 | sort -n >"$work/$name-$file.ms"
  done
  local rss_peak
  rss_peak=$(kb VmHWM)
  kill "$server_pid"
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  for file in sheet.xlsx sheet.csv; do
    local median
    median=$(awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}' "$work/$name-$file.ms")
    printf '%-9s %-10s median %8.1f ms  (runs: %s)  %8.0f rows/s\n' "$name" "$file" "$median" \
      "$(tr '\n' ' ' <"$work/$name-$file.ms")" "$(awk -v r="$rows" -v m="$median" 'BEGIN {print r / (m / 1000)}')"
  done
  printf '%-9s peak RSS %d MB, grew %d MB over the run\n' "$name" $((rss_peak / 1024)) $(((rss_peak - rss_start) / 1024))
}

run_engine sqlite "sqlite:$work/bench.db"
pg_url=$(scripts/pg-test-cluster.sh start "$work/pg" "${BENCH_PG_PORT:-55441}")
run_engine postgres "$pg_url"
