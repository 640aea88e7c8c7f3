# Scratch databases for the benchmark scripts. Source from the repository root after
# scripts/common.sh, with `bench_work` (a scratch folder) set; call drop_databases on exit.

pg_admin=""  # the PostgreSQL server scratch databases are made on, once start_postgres ran

# start_postgres: uses BENCH_PG_URL (an existing server) or starts a throwaway cluster in
# $bench_work/pg on port BENCH_PG_PORT (default 55444).
start_postgres() {
  [ -z "$pg_admin" ] || return 0
  if [ -n "${BENCH_PG_URL:-}" ]; then
    pg_admin=$BENCH_PG_URL
  else
    log "starting a throwaway PostgreSQL cluster on port ${BENCH_PG_PORT:-55444}"
    pg_admin=$(scripts/pg-test-cluster.sh start "$bench_work/pg" "${BENCH_PG_PORT:-55444}")
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
