#!/usr/bin/env bash
# Instruction counts (callgrind's Ir) of the three paths that matter most, on SQLite: figures
# the shared machine's load does not move, to compare two commits (docs/performance.md,
# "Instruction counts"):
#
#   bench/callgrind/run.sh [--build-dir DIR] [--requests N] [--bills N] [--json FILE]
#                          [--keep DIR] [--no-import-count]
#
#   import  a 100,000-row CSV (bench/import/make_sheet, seed 7) through `rxtrack import` into a
#           new shop of a fresh SQLite database: the whole process's instructions, and per row;
#   list    that shop of 100,000 contacts served by `rxtrack serve` under callgrind with
#           instrumentation off until, after 20 lists as a warm-up, `callgrind_control -i on`;
#           then N (default 200) contact lists as bench/load/contact_list.lua requests them
#           (`status=pending&limit=50`, with total), one at a time on one kept-alive connection,
#           and `callgrind_control -d`: instructions per request (every thread of the server);
#   bill    the same server: after 30 bills as a warm-up, N (default 200) bills one at a time,
#           the mix bench/load/bill_create.lua posts (a walk-in with a new number, a returning
#           customer, a contact-sheet number buying for the first time, in turn): per bill.
#
# Every thread of the server is counted; the checkpoint thread's count is given apart, because
# how much of the WAL it copies inside a measurement depends on timing.
#
# DIR (default build/rel) is a Release build with -DRXTRACK_BUILD_BENCH=ON holding rxtrack and
# make_sheet (cmake --build DIR --target rxtrack make_sheet). Scratch goes to a mktemp folder,
# removed at the end; with --keep DIR it goes to DIR instead (created, must be empty) and stays,
# so the callgrind outputs can be read per function, e.g. for two commits:
#   callgrind_annotate --inclusive=no DIR/serve.out.N-THREAD   (list: dump 1, bill: dump 2)
#   callgrind_annotate --inclusive=no DIR/import.out
# --no-import-count runs the import without callgrind (to measure only the list and the bill,
# quicker); the import's row of the table is then left out. Prints one table (what | instructions | per); --json FILE writes the same
# figures as JSON. Needs valgrind, python3 and curl; takes 2 to 4 minutes on 2 cores. How far
# two runs of one commit differ is in docs/performance.md ("Instruction counts").
set -euo pipefail
cd "$(dirname "$0")/../.."

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; }

build=build/rel
requests=200
bills=200
json_out=""
keep=""
count_import=1
rows=100000
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=${2:?}; shift 2 ;;
    --requests) requests=${2:?}; shift 2 ;;
    --bills) bills=${2:?}; shift 2 ;;
    --json) json_out=${2:?}; shift 2 ;;
    --keep) keep=${2:?}; shift 2 ;;
    --no-import-count) count_import=0; shift ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
  esac
done
for tool in valgrind callgrind_control python3 curl; do
  command -v "$tool" >/dev/null || { echo "callgrind: $tool is needed" >&2; exit 1; }
done
for binary in rxtrack make_sheet; do
  [ -x "$build/$binary" ] || { echo "callgrind: no $build/$binary (build it first)" >&2; exit 1; }
done
rxtrack=$(realpath "$build/rxtrack")
client=(python3 "$PWD/bench/callgrind/client.py")

if [ -n "$keep" ]; then
  mkdir -p "$keep"
  [ -z "$(ls -A "$keep")" ] || { echo "callgrind: --keep $keep is not empty" >&2; exit 2; }
  work=$(realpath "$keep")
else
  work=$(mktemp -d /tmp/rxtrack-callgrind.XXXXXX)
fi
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  [ -n "$keep" ] || rm -rf "$work"
}
trap cleanup EXIT
log() { echo "callgrind: $*" >&2; }
started=$SECONDS

# total_ir FILE: the Ir total of a callgrind output file.
total_ir() {
  awk '/^summary:/ {print $2; exit}' "$1"
}

valgrind_callgrind=(valgrind --tool=callgrind --quiet)

# --- the shop: a fresh database, its owner, and the import measured -------------------------
log "generating the $rows-row CSV (make_sheet, seed 7)"
"$build/make_sheet" "$rows" 7 "$work/sheet.csv"
export RXTRACK_DB="sqlite:$work/shop.db"
password=callgrind-password
email=owner@callgrind.example
shop_id=$(echo "$password" | "$rxtrack" shop create --name "Callgrind Pharmacy" \
  --owner-name Owner --owner-email "$email" | grep -oE '"shop_id": *[0-9]+' | grep -oE '[0-9]+$')

if [ "$count_import" = 1 ]; then
  log "import: rxtrack import of the CSV under callgrind"
  "${valgrind_callgrind[@]}" --callgrind-out-file="$work/import.out" \
    "$rxtrack" import --shop "$shop_id" "$work/sheet.csv" >"$work/import.json"
else
  log "import: rxtrack import of the CSV (not counted: --no-import-count)"
  "$rxtrack" import --shop "$shop_id" "$work/sheet.csv" >"$work/import.json"
fi
grep -q '"imported"' "$work/import.json" || { log "import failed: $(head -c 300 "$work/import.json")"; exit 1; }
import_ir=$([ "$count_import" = 1 ] && total_ir "$work/import.out" || echo 0)
imported=$(grep -oE '"imported": *[0-9]+' "$work/import.json" | grep -oE '[0-9]+$')

# --- the server under callgrind, instrumented only around the measured requests ------------
log "starting rxtrack serve under callgrind (instrumentation off)"
mkdir -p "$work/no-web"
"${valgrind_callgrind[@]}" --instr-atstart=no --separate-threads=yes --callgrind-out-file="$work/serve.out" \
  "$rxtrack" serve --listen 127.0.0.1:0 --no-scheduler --web-dir "$work/no-web" \
  >"$work/serve.stdout" 2>"$work/serve.log" &
server_pid=$!
port=""
for _ in $(seq 1200); do
  port=$(grep -oE 'listening on http://127.0.0.1:[0-9]+' "$work/serve.stdout" 2>/dev/null |
    grep -oE '[0-9]+$' || true)
  [ -n "$port" ] && curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break
  kill -0 "$server_pid" 2>/dev/null || { log "the server stopped: $(tail -n 5 "$work/serve.log")"; exit 1; }
  port=""
  sleep 0.25
done
[ -n "$port" ] || { log "the server did not answer /healthz"; exit 1; }
token=$("${client[@]}" "$port" sign-in "$email" "$password")

# The checkpoint thread copies the WAL into the database file when it finds enough frames, so
# how much of that it does inside a measurement depends on timing: its count is given apart.
# It is the thread that checkpoints and runs no statement.
is_checkpoint_thread() {
  grep -q 'sqlite3_wal_checkpoint' "$1" && ! grep -q 'sqlite3_step' "$1"
}

# measure NAME COMMAND...: runs COMMAND with the server's instrumentation on, dumps (one file a
# thread), and prints the instructions counted meanwhile: the checkpoint thread's, then the
# other threads'. The pauses let background work settle before, and finish after.
# (It runs in a subshell: the dump's number comes from the files already there.)
measure() {
  local name=$1 dump
  shift
  dump=$(($(find "$work" -maxdepth 1 -name 'serve.out.*' -printf '%f\n' | sed -E 's/^serve\.out\.([0-9]+).*/\1/' | sort -un | tail -n 1) + 1))
  sleep 2
  callgrind_control -i on "$server_pid" >/dev/null 2>&1
  callgrind_control -z "$server_pid" >/dev/null 2>&1
  "$@"
  sleep 2
  callgrind_control -d "$name" "$server_pid" >/dev/null 2>&1
  callgrind_control -i off "$server_pid" >/dev/null 2>&1
  local file checkpoint=0 others=0 ir found=0
  for file in "$work/serve.out.$dump"-*; do
    [ -f "$file" ] || continue
    found=1
    ir=$(total_ir "$file")
    if is_checkpoint_thread "$file"; then
      checkpoint=$((checkpoint + ir))
    else
      others=$((others + ir))
    fi
  done
  [ "$found" = 1 ] || { log "no callgrind dump $work/serve.out.$dump-*"; ls "$work" >&2; return 1; }
  echo "$checkpoint $others"
}

log "list: 20 lists to warm up, then $requests measured"
"${client[@]}" "$port" list "$token" 20
read -r list_checkpoint_ir list_ir < <(measure list "${client[@]}" "$port" list "$token" "$requests")
[ -n "${list_ir:-}" ] || { log "list: no measurement"; exit 1; }

log "bill: 30 bills to warm up, then $bills measured"
"${client[@]}" "$port" sheet-phones "$token" $(((30 + bills) / 3 + 10)) "$work/sheet-phones.txt"
# Bills 3 to 32, then 33 on: the mix starts with a walk-in, whom the next bill brings back.
"${client[@]}" "$port" bills "$token" 2 30 "$work/sheet-phones.txt"
read -r bill_checkpoint_ir bill_ir < <(measure bill "${client[@]}" "$port" bills "$token" 32 "$bills" "$work/sheet-phones.txt")
[ -n "${bill_ir:-}" ] || { log "bill: no measurement"; exit 1; }

kill "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""

# --- the table ------------------------------------------------------------------------------
# The commit is the one of the tree that holds the build (another worktree's, with --build-dir).
commit=$(git -C "$build" rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -z "$(git -C "$build" status --porcelain -- :/src 2>/dev/null)" ] || commit+="-dirty"
per() { awk -v t="$1" -v n="$2" 'BEGIN {printf "%.0f", t / n}'; }
import_per=$(per "$import_ir" "$rows")
list_per=$(per "$list_ir" "$requests")
bill_per=$(per "$bill_ir" "$bills")
group() { sed ':a; s/\B[0-9]\{3\}\>/,&/; ta' <<<"$1"; }
echo "callgrind instruction counts (Ir), commit $commit, SQLite, $(valgrind --version)"
echo
echo "| what | instructions | per |"
echo "|---|---|---|"
[ "$count_import" = 0 ] ||
  echo "| import: $(group "$rows")-row CSV through \`rxtrack import\` ($(group "$imported") imported) | $(group "$import_ir") | $(group "$import_per") a sheet row |"
echo "| list: $requests contact lists (\`status=pending&limit=50\`) on the $(group "$imported")-contact shop | $(group "$list_ir") | $(group "$list_per") a request |"
echo "| bill: $bills bills one at a time (bill_create.lua's mix) on that shop | $(group "$bill_ir") | $(group "$bill_per") a bill |"
echo "| (the checkpoint thread meanwhile, varies with timing: list, bill) | $(group "$list_checkpoint_ir"), $(group "$bill_checkpoint_ir") | $(group "$(per "$bill_checkpoint_ir" "$bills")") a bill |"
echo
echo "whole run: $((SECONDS - started)) s"
[ -z "$keep" ] || echo "callgrind outputs kept in $work (list: serve.out.1-*, bill: serve.out.2-*)"
if [ -n "$json_out" ]; then
  cat >"$json_out" <<EOF
{"commit":"$commit","engine":"sqlite",
 "import":{"rows":$rows,"imported":$imported,"instructions":$import_ir,"per_row":$import_per},
 "list":{"requests":$requests,"instructions":$list_ir,"per_request":$list_per},
 "bill":{"bills":$bills,"instructions":$bill_ir,"per_bill":$bill_per},
 "checkpoint_thread":{"list":$list_checkpoint_ir,"bill":$bill_checkpoint_ir}}
EOF
fi
