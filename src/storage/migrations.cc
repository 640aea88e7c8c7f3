#include "storage/migrations.h"

#include <spdlog/spdlog.h>

namespace rx::storage {
namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
// An arbitrary constant naming rxtrack's migration lock among PostgreSQL advisory locks.
constexpr std::string_view kTakeMigrationLock = "SELECT pg_advisory_xact_lock(727274001)";

}  // namespace

MigrationReport migrate(Database& db, std::int64_t now_ms) {
  MigrationReport report;
  db.transaction(TxMode::kWrite, [&](Connection& c) {
    if (c.dialect() == Dialect::kPostgres) c.query(kTakeMigrationLock);
    c.execute_script(kCreateMigrationsTable);
  });
  for (const Migration& m : embedded_migrations()) {
    db.transaction(TxMode::kWrite, [&](Connection& c) {
      if (c.dialect() == Dialect::kPostgres) c.query(kTakeMigrationLock);
      if (c.query_one("SELECT version FROM schema_migrations WHERE version = ?", {m.version})) {
        return;
      }
      c.execute_script(c.dialect() == Dialect::kSqlite ? m.sqlite_sql : m.postgres_sql);
      c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
              {m.version, m.name, now_ms});
      report.applied.push_back(m.version);
      spdlog::info("applied migration {} {}", m.version, m.name);
    });
  }
  db.with_connection([&](Connection& c) {
    report.current_version =
        static_cast<int>(c.query_int("SELECT MAX(version) FROM schema_migrations"));
  });
  return report;
}

}  // namespace rx::storage
