# Helpers for the benchmark scripts: start and stop `rxtrack serve`, read its memory, sign in.
# Source from the repository root after setting `bench_bin` (the build folder) and `bench_work`
# (a scratch folder). The database URL is taken from RXTRACK_DB, so it never shows in `ps`.

server_pid=""
server_port=""

# use_scratch_secret_key: every rxtrack command of the run seals provider secrets with one
# throwaway key ($bench_work/secret.key, mode 0600) unless RXTRACK_SECRET_KEY_FILE names one;
# PostgreSQL has no database file to keep a key beside, so rxtrack needs it named (README).
use_scratch_secret_key() {
  [ -n "${RXTRACK_SECRET_KEY_FILE:-}" ] && return 0
  (umask 077 && od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$bench_work/secret.key")
  export RXTRACK_SECRET_KEY_FILE="$bench_work/secret.key"
}

# start_server NAME [SERVE_OPTION...]: serve on a free port, logs in $bench_work/NAME.log (one
# JSON line a request); returns once /healthz answers. Sets server_pid and server_port.
start_server() {
  local name=$1
  shift
  "$bench_bin/rxtrack" serve --listen 127.0.0.1:0 --no-scheduler --web-dir "$bench_work/no-web" \
    "$@" >"$bench_work/$name.out" 2>"$bench_work/$name.log" &
  server_pid=$!
  server_port=""
  local _
  for _ in $(seq 300); do
    server_port=$(grep -oE 'listening on http://127.0.0.1:[0-9]+' "$bench_work/$name.out" 2>/dev/null |
      grep -oE '[0-9]+$' || true)
    if [ -n "$server_port" ] && curl -sf -o /dev/null "http://127.0.0.1:$server_port/healthz"; then
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "bench: rxtrack serve ($name) did not start; its log:" >&2
  tail -n 20 "$bench_work/$name.log" >&2
  return 1
}

stop_server() {
  [ -n "$server_pid" ] || return 0
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
}

# server_kb FIELD: a /proc/PID/status figure of the running server in kB (VmRSS, VmHWM).
server_kb() {
  awk -v k="$1" '$1 == k":" {print $2}' "/proc/$server_pid/status"
}

# sign_in EMAIL PASSWORD: prints a bearer token (POST /api/auth/login answers {"token": ...}).
sign_in() {
  local answer
  answer=$(curl -sf -X POST "http://127.0.0.1:$server_port/api/auth/login" \
    -H 'Content-Type: application/json' -d "{\"email\":\"$1\",\"password\":\"$2\"}") || return 1
  sed -E 's/.*"token":"([^"]+)".*/\1/' <<<"$answer"
}

# median < numbers, one a line.
median() {
  sort -g | awk '{a[NR] = $1} END {if (NR) print a[int((NR + 1) / 2)]}'
}
