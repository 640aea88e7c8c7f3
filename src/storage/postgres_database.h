#pragma once

#include "storage/database.h"

#include <string>

namespace rx::storage {

// PostgreSQL through libpq: one PGconn per pooled connection, statements prepared once per
// connection, text-format parameters. A connection that lost its server is dropped by the pool
// and the next request opens a fresh one, so rxtrack survives a database restart.
class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(std::string url, int pool_size);
  ~PostgresDatabase() override;
  Dialect dialect() const override { return Dialect::kPostgres; }

 protected:
  std::unique_ptr<Connection> open_connection() override;
  std::string_view begin_statement(TxMode mode) const override;

 private:
  std::string url_;
};

// Rewrites `?` placeholders to `$1..$n`, leaving quoted text and comments alone.
std::string to_postgres_placeholders(std::string_view sql);

}  // namespace rx::storage
