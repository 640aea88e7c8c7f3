#pragma once

#include "storage/database.h"
#include "storage/sqlite_checkpointer.h"
#include "storage/sqlite_file_lock.h"

#include <memory>
#include <optional>
#include <string>

namespace rx::storage {

// SQLite in WAL mode with foreign keys on and a busy timeout; one sqlite3 handle per pooled
// connection (readers run in parallel, writers queue on the database lock).
class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size);
  ~SqliteDatabase() override;
  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& path() const { return path_; }

 protected:
  std::unique_ptr<Connection> open_connection() override;
  std::unique_ptr<Connection> open_writer_connection() override;
  std::string_view begin_statement(TxMode mode) const override;
  bool group_writes() const override { return true; }

 private:
  std::string path_;
  std::optional<SqliteFileLock> restore_guard_;  // held shared while the database is open
  // Started with the first write group; outlives the writer connection (close() in the
  // destructor drops that first).
  std::unique_ptr<SqliteCheckpointer> checkpointer_;
};

}  // namespace rx::storage
