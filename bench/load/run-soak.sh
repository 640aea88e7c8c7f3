#!/usr/bin/env bash
# The load test of issue 8 in one command (docs/performance.md, "Load test"):
#
#   bench/load/run-soak.sh [--engine sqlite|postgres]... [--clients N] [--seconds S]
#                          [--threads N] [--db-connections N] [--smoke] [--build-dir DIR]
#
# For each engine: fills a fresh database with bench/data/make_dataset --scale soak (4 shops of
# 10,000 contacts, each with an owner, a manager and three telecallers, 250 bills and 200 calls),
# starts `rxtrack serve` (SQLite: one; PostgreSQL: two processes on the one database), runs
# bench/load/soak: N clients (default 200) for S seconds (default 300), spread over the servers,
# each looping over a mix of contact, customer, refill and report reads, bills, logged calls and
# sheet uploads as one of the shops' staff. Then it looks every acknowledged write up again,
# judges the servers' memory (sampled every second), checks that the servers are still up (and
# SQLite's integrity_check), stops them and prints the reports. Exits non-zero on any failure.
#
# Engines: SQLite, and PostgreSQL too when BENCH_PG_URL names a server (scratch databases are
# made there); --engine chooses (repeatable). --engine postgres without BENCH_PG_URL starts a
# throwaway cluster on port BENCH_PG_PORT (default 55444).
# --threads N: each server's worker threads. Default: one per client it serves plus 16, because
#   the server holds a worker for each kept-alive connection (README, --threads).
# --db-connections N: each server's database connections (default 8, the server's own).
# Memory is judged flat when each server's median RSS over the last minute is at most 20% + 10
# MB above its median over the first minute; on SQLite plus 8 MB per database connection, what
# their page caches may still fill as the database grows (docs/performance.md).
# --build-dir DIR: use the binaries in DIR (rxtrack, make_dataset, soak) and build nothing;
#   without it, builds Release with the benchmark tools into build/bench first.
# --smoke: 20 clients for 6 s on the 2-shop smoke dataset, with more uploads so that every
#   kind of request is exercised; memory reported, not judged. ./test runs it through
#   bench/run --smoke.
# The reports of a full run are also written to bench/results/<date>-<commit>-soak.md. After a
# failure the scratch folder (servers' request logs, SQLite databases) is kept and named.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/common.sh
source bench/lib/server.sh
source bench/lib/database.sh
source bench/lib/build.sh

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

engines=()
clients=200
seconds=300
threads=""
connections=8
smoke=0
build=""
while [ $# -gt 0 ]; do
  case $1 in
    --engine) engines+=("${2:-}"); shift 2 ;;
    --clients) clients=${2:-}; shift 2 ;;
    --seconds) seconds=${2:-}; shift 2 ;;
    --threads) threads=${2:-}; shift 2 ;;
    --db-connections) connections=${2:-}; shift 2 ;;
    --smoke) smoke=1; shift ;;
    --build-dir) build=${2:-}; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
if [ ${#engines[@]} -eq 0 ]; then
  engines=(sqlite)
  [ -z "${BENCH_PG_URL:-}" ] || engines+=(postgres)
fi
for engine in "${engines[@]}"; do
  case $engine in sqlite | postgres) ;; *) usage >&2; exit 2 ;; esac
done

scale=soak
soak_options=()
if [ "$smoke" = 1 ]; then
  clients=20 seconds=6 scale=smoke
  # 6 s are too few for a memory trend; 1% uploads make sure a few happen.
  soak_options=(--no-memory-check --uploads-per-mille 10)
fi

bench_work=$(mktemp -d /tmp/rxtrack-soak.XXXXXX)
use_scratch_secret_key
chmod 755 "$bench_work"  # the throwaway cluster runs as postgres when this runs as root
mkdir -p "$bench_work/no-web"
server_pids=()
failures=()
stop_servers() {
  local pid
  for pid in "${server_pids[@]}"; do
    server_pid=$pid
    stop_server
  done
  server_pids=()
}
cleanup() {
  stop_servers
  stop_server
  drop_databases
  if [ ${#failures[@]} -gt 0 ]; then
    echo "soak: the servers' logs and the SQLite databases stay in $bench_work" >&2
  else
    rm -rf "$bench_work"
  fi
}
trap cleanup EXIT

fail() {
  failures+=("$*")
  echo "soak: FAILED: $*" >&2
}

if [ -n "$build" ]; then
  bench_bin=$build
else
  bench_bin=build/bench
  build_bench_tools "$bench_bin" rxtrack make_dataset soak
fi
for tool in rxtrack make_dataset soak; do
  [ -x "$bench_bin/$tool" ] || { echo "soak: no $bench_bin/$tool (build the benchmark tools)" >&2; exit 1; }
done
[[ " ${engines[*]} " != *" postgres "* ]] || start_postgres

reports=()

# soak_engine ENGINE: the whole test on one engine; its report is appended to reports.
soak_engine() {
  local engine=$1 label servers=1 n
  label=$(engine_label "$engine")
  [ "$engine" = postgres ] && servers=2
  local server_threads=${threads:-$(((clients + servers - 1) / servers + 16))}
  # Memory is flat when the last minute's median RSS is within 20% + 10 MB of the first's. On
  # SQLite each of the server's connections also fills a page cache of up to 4 MB
  # (cache_size=-4000 in src/storage/sqlite_database.cc) as the database grows.
  local growth_mb=10
  [ "$engine" = sqlite ] && growth_mb=$((10 + 4 * connections))
  RXTRACK_DB=$(database_url "$engine" soak)
  export RXTRACK_DB

  log "$label: filling a database (make_dataset --scale $scale)"
  mkdir -p "$bench_work/$engine-data"
  start_server "$engine-fill"
  if ! "$bench_bin/make_dataset" --rxtrack "$bench_bin/rxtrack" --out "$bench_work/$engine-data" \
    --server "http://127.0.0.1:$server_port" --scale "$scale" >"$bench_work/$engine-dataset.json"; then
    fail "$label: make_dataset failed"
    stop_server
    return
  fi
  stop_server

  log "$label: $clients clients for $seconds s on $servers server(s) of $server_threads threads"
  local targets=()
  for n in $(seq "$servers"); do
    start_server "$engine-$n" --threads "$server_threads" --db-connections "$connections"
    server_pids+=("$server_pid")
    targets+=(--server "http://127.0.0.1:$server_port" --pid "$server_pid")
  done
  local status=0
  "$bench_bin/soak" --fixtures "$bench_work/$engine-data/fixtures.tsv" "${targets[@]}" \
    --clients "$clients" --seconds "$seconds" --memory-growth-mb "$growth_mb" \
    "${soak_options[@]}" >"$bench_work/$engine.md" ||
    status=$?
  [ "$status" = 0 ] || fail "$label: the soak failed (exit $status; its report says why)"

  local pid errors
  for n in $(seq "$servers"); do
    pid=${server_pids[$((n - 1))]}
    kill -0 "$pid" 2>/dev/null || fail "$label: server $n (pid $pid) is no longer running"
    # The clients count 5xx themselves; the servers' own logs must agree that there were none.
    errors=$(grep -c '"status":5[0-9][0-9]' "$bench_work/$engine-$n.log" || true)
    [ "$errors" = 0 ] || fail "$label: server $n logged $errors answers 5xx"
  done
  stop_servers
  if [ "$engine" = sqlite ]; then
    local integrity
    integrity=$(sqlite3 "${RXTRACK_DB#sqlite:}" 'PRAGMA integrity_check' 2>&1 || true)
    [ "$integrity" = ok ] || fail "$label: integrity_check says: $(head -c 300 <<<"$integrity")"
  fi
  local processes="one server process"
  [ "$servers" = 1 ] || processes="$servers server processes on one database"
  reports+=("## $label ($processes, $server_threads worker threads per server)"
    "" "$(cat "$bench_work/$engine.md")" "")
}

started=$SECONDS
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
for engine in "${engines[@]}"; do
  soak_engine "$engine"
done

commit=$(git rev-parse --short HEAD)
[ -z "$(git status --porcelain -- . ':!bench/results')" ] || commit+="-dirty"
summary="$bench_work/summary.md"
{
  echo "# rxtrack load test, $(date +%F), commit $commit"
  echo
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), Linux $(uname -r), load average before the run $load_before"
  [ -z "$pg_admin" ] || echo "- PostgreSQL $(psql "$pg_admin" -qAtc 'SHOW server_version'), fsync=$(psql "$pg_admin" -qAtc 'SHOW fsync'), synchronous_commit=$(psql "$pg_admin" -qAtc 'SHOW synchronous_commit')"
  echo "- $clients clients for $seconds s per engine, dataset \`make_dataset --scale $scale\`; whole run $((SECONDS - started)) s"
  echo
  printf '%s\n' "${reports[@]}"
} >"$summary"
cat "$summary"
if [ "$smoke" = 0 ]; then
  mkdir -p bench/results
  cp "$summary" "bench/results/$(date +%F)-$commit-soak.md"
  echo "written to bench/results/$(date +%F)-$commit-soak.md"
fi
if [ ${#failures[@]} -gt 0 ]; then
  echo
  echo "soak: ${#failures[@]} failure(s):"
  printf '  %s\n' "${failures[@]}"
  exit 1
fi
echo "soak: passed on ${engines[*]}"
