#!/usr/bin/env bash
# Starts or stops a throwaway PostgreSQL 15 cluster on loopback for the test suite.
#   scripts/pg-test-cluster.sh start DIR PORT   -> prints the admin URL
#   scripts/pg-test-cluster.sh stop DIR
# initdb refuses to run as root, so the cluster belongs to the postgres user when run as root.
set -euo pipefail
action=${1:?start or stop}
dir=${2:?cluster folder}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

case "$action" in
  start)
    mkdir -p "$dir/sock"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      echo secret > "$dir/pwfile"
      [ "$(id -u)" = 0 ] && chown postgres "$dir/pwfile"
      chmod 600 "$dir/pwfile"
      as_owner "'$bin/initdb' -D '$dir/data' -U postgres -A scram-sha-256 --pwfile='$dir/pwfile' -E UTF8 --locale=C.UTF-8" >"$dir/initdb.log" 2>&1
    fi
    # fsync off: a throwaway test cluster does not need durability, and it halves the run time.
    as_owner "'$bin/pg_ctl' -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories='$dir/sock' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300\" start" >/dev/null
    echo "postgresql://postgres:secret@127.0.0.1:$port/postgres"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && as_owner "'$bin/pg_ctl' -D '$dir/data' -m fast -w stop" >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
