#pragma once

#include <optional>
#include <string>

namespace rx::storage {

// An advisory lock (flock) on a SQLite database file, beside SQLite's own locks. Every process
// that opens the database through rxtrack holds it shared for as long as it runs; `rxtrack
// restore` takes it exclusive, so that a restore never swaps the file under a running server and
// a server never starts on a file half-way through a restore. The lock ends with the process,
// however it ends (kill -9 included), so it can never be left stale.
class SqliteFileLock {
 public:
  enum class Mode { kShared, kExclusive };

  // Opens the file (creating an empty one if missing) and locks it without waiting; nullopt when
  // another process holds a conflicting lock. Throws AppError if the file cannot be opened.
  static std::optional<SqliteFileLock> try_lock(const std::string& path, Mode mode);

  SqliteFileLock(SqliteFileLock&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  SqliteFileLock& operator=(SqliteFileLock&& other) noexcept;
  SqliteFileLock(const SqliteFileLock&) = delete;
  SqliteFileLock& operator=(const SqliteFileLock&) = delete;
  ~SqliteFileLock();

 private:
  explicit SqliteFileLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

// False for SQLite's in-memory and URI names, which have no file to lock.
bool is_plain_sqlite_file(const std::string& path);

}  // namespace rx::storage
