# Scratch databases for the benchmark scripts. Source from the repository root after
# scripts/common.sh, with `bench_work` (a scratch folder) set; call drop_databases on exit.

pg_admin=""  # the PostgreSQL server scratch databases are made on, once start_postgres ran

# start_postgres: uses BENCH_PG_URL (an existing server) or starts a throwaway cluster in
# $bench_work/pg on port BENCH_PG_PORT (default 55444). rxtrack reaches that cluster through its
# Unix socket, as it would a PostgreSQL on the same machine; BENCH_PG_TCP=1 uses TCP on loopback
# (measured side by side in docs/performance.md).
pg_transport=""
start_postgres() {
  [ -z "$pg_admin" ] || return 0
  if [ -n "${BENCH_PG_URL:-}" ]; then
    pg_admin=$BENCH_PG_URL
  else
    local port=${BENCH_PG_PORT:-55444}
    log "starting a throwaway PostgreSQL cluster on port $port"
    pg_admin=$(scripts/pg-test-cluster.sh start "$bench_work/pg" "$port")
    if [ "${BENCH_PG_TCP:-0}" = 1 ]; then
      pg_transport="TCP on loopback"
    else
      # libpq takes a socket folder as the URL's host, percent-encoded.
      pg_admin="postgresql://postgres:secret@${bench_work//\//%2F}%2Fpg%2Fsock:$port/postgres"
      pg_transport="its Unix socket"
    fi
  fi
}

# database_url ENGINE PURPOSE: a fresh, empty database (start_postgres first for postgres).
database_url() {
  if [ "$1" = sqlite ]; then
    echo "sqlite:$bench_work/$1-$2.db"
  else
    local name="rxbench_$$_$2"
    psql "$pg_admin" -qc "CREATE DATABASE $name" >/dev/null
    echo "${pg_admin%/*}/$name"
  fi
}

# drop_databases: drops this run's scratch databases from BENCH_PG_URL's server, stops a
# throwaway cluster.
drop_databases() {
  if [ -n "$pg_admin" ] && [ -n "${BENCH_PG_URL:-}" ]; then
    local db
    for db in $(psql "$pg_admin" -qAtc "SELECT datname FROM pg_database WHERE datname LIKE 'rxbench_$$_%'" 2>/dev/null); do
      psql "$pg_admin" -qc "DROP DATABASE $db" >/dev/null 2>&1 || true
    done
  fi
  scripts/pg-test-cluster.sh stop "$bench_work/pg" >/dev/null 2>&1 || true
}

engine_label() { [ "$1" = sqlite ] && echo SQLite || echo PostgreSQL; }
