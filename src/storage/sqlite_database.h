#pragma once

#include "storage/database.h"
#include "storage/sqlite_checkpointer.h"
#include "storage/sqlite_file_lock.h"
#include "storage/sqlite_writer.h"

#include <memory>
#include <optional>
#include <string>

namespace rx::storage {

// SQLite in WAL mode with foreign keys on and a busy timeout; one sqlite3 handle per pooled
// connection (readers run in parallel). Write transactions are committed in groups by a writer
// thread on a connection of its own (SqliteWriter), whose WAL a checkpointer thread copies into
// the database file (SqliteCheckpointer).
class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, int pool_size);
  ~SqliteDatabase() override;
  Dialect dialect() const override { return Dialect::kSqlite; }
  const std::string& path() const { return path_; }
  // Stops the writer thread once what is queued is written, then closes every connection.
  void close() override;

 protected:
  std::unique_ptr<Connection> open_connection() override;
  std::string_view begin_statement(TxMode mode) const override;
  void write(const std::function<void(Connection&)>& work, bool rerunnable) override;

 private:
  // The write groups' connection, with the checkpointer installed on it.
  std::unique_ptr<Connection> open_writer_connection();

  std::string path_;
  std::optional<SqliteFileLock> restore_guard_;  // held shared while the database is open
  // Started with the first write group; outlives the writer's connection (declared before
  // writer_, and close() in the destructor drops that connection first).
  std::unique_ptr<SqliteCheckpointer> checkpointer_;
  SqliteWriter writer_;
};

}  // namespace rx::storage
