#pragma once

#include "storage/database.h"

#include <string_view>
#include <vector>

namespace rx::storage {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sqlite_sql;
  std::string_view postgres_sql;
};

// Numbered, forward-only migrations compiled into the binary from migrations/<dialect>/.
const std::vector<Migration>& embedded_migrations();

struct MigrationReport {
  std::vector<int> applied;  // versions applied by this call
  int current_version = 0;
};

// Applies pending migrations, each in its own transaction, recording them in schema_migrations.
// Safe when several processes start at once (SQLite write lock; PostgreSQL advisory lock).
MigrationReport migrate(Database& db, std::int64_t now_ms);

}  // namespace rx::storage
