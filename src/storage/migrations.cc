#include "storage/migrations.h"

#include "core/error.h"

#include <spdlog/spdlog.h>

#include <string>

namespace rx::storage {
namespace {

constexpr std::string_view kCreateMigrationsTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";
// An arbitrary constant naming rxtrack's migration lock among PostgreSQL advisory locks.
constexpr std::string_view kTakeMigrationLock = "SELECT pg_advisory_xact_lock(727274001)";

// A binary older than the schema would write rows the way the older schema wanted (a migration
// may move what a column means, as 0010 did with an upload's contacts), so it refuses to start
// rather than run beside a newer one on a shared PostgreSQL database.
void refuse_a_newer_schema(Connection& c) {
  const int newest_known = embedded_migrations().back().version;
  std::optional<Row> newer = c.query_one(
      "SELECT version, name FROM schema_migrations WHERE version > ? ORDER BY version DESC "
      "LIMIT 1",
      {newest_known});
  if (!newer) return;
  const std::int64_t version = newer->int_at(0);
  throw core::AppError(core::ErrorCode::kUnavailable,
                       "the database schema is at version " + std::to_string(version) + " (" +
                           newer->text_at(1) + "), newer than this rxtrack knows (" +
                           std::to_string(newest_known) +
                           "); run the rxtrack that migrated it, or a newer one",
                       {{"schema_version", version}, {"newest_known_version", newest_known}});
}

}  // namespace

MigrationReport migrate(Database& db, std::int64_t now_ms) {
  MigrationReport report;
  db.transaction(TxMode::kWrite, [&](Connection& c) {
    if (c.dialect() == Dialect::kPostgres) c.query(kTakeMigrationLock);
    c.execute_script(kCreateMigrationsTable);
    refuse_a_newer_schema(c);
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
