#include "backup/sqlite_backup.h"

#include "core/error.h"
#include "storage/migrations.h"
#include "storage/sqlite_file_lock.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

namespace rx::backup {
namespace {

using core::AppError;
using core::ErrorCode;
namespace fs = std::filesystem;

constexpr int kBusyTimeoutMs = 10000;

// One sqlite3 handle, closed on every path out.
class Handle {
 public:
  Handle(const std::string& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw AppError(ErrorCode::kUnavailable, fmt::format("cannot open {}: {}", path, message));
    }
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  }
  ~Handle() { sqlite3_close_v2(db_); }
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  sqlite3* get() const { return db_; }

  // The first column of the first row, as text ("" when there is none).
  std::string scalar(const std::string& sql) const {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) fail(sql);
    std::string out;
    const int rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW && sqlite3_column_text(stmt, 0)) {
      out = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    }
    sqlite3_finalize(stmt);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) fail(sql);
    return out;
  }

 private:
  [[noreturn]] void fail(const std::string& sql) const {
    throw AppError(ErrorCode::kUnavailable, fmt::format("{} failed: {}", sql, sqlite3_errmsg(db_)));
  }
  sqlite3* db_ = nullptr;
};

// Copies every page of `from` into `to` in one step: a single read transaction on the source,
// so the copy is one consistent snapshot however busy the source is.
void copy_database(const Handle& from, const Handle& to) {
  sqlite3_backup* backup = sqlite3_backup_init(to.get(), "main", from.get(), "main");
  if (!backup) {
    throw AppError(ErrorCode::kUnavailable,
                   fmt::format("cannot start the backup: {}", sqlite3_errmsg(to.get())));
  }
  int rc = SQLITE_OK;
  do {
    rc = sqlite3_backup_step(backup, -1);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) {
    throw AppError(ErrorCode::kUnavailable,
                   fmt::format("the backup failed: {}", sqlite3_errstr(rc)));
  }
}

void check_integrity(const Handle& db, const std::string& what) {
  const std::string result = db.scalar("PRAGMA integrity_check");
  if (result != "ok") {
    throw AppError(ErrorCode::kValidation,
                   fmt::format("{} failed the integrity check: {}", what, result));
  }
}

// The schema version an rxtrack database is at; 422 for a file that is not one.
int schema_version(const Handle& db, const std::string& what) {
  if (db.scalar("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                "name = 'schema_migrations'")
          .empty()) {
    throw AppError(ErrorCode::kValidation, fmt::format("{} is not an rxtrack database", what));
  }
  return std::stoi("0" + db.scalar("SELECT MAX(version) FROM schema_migrations"));
}

int newest_known_version() {
  int newest = 0;
  for (const auto& m : storage::embedded_migrations()) newest = std::max(newest, m.version);
  return newest;
}

void sync_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

// A name beside `target` for the copy in progress, removed if anything goes wrong.
class PartialFile {
 public:
  explicit PartialFile(const fs::path& target)
      : path_(fs::path(target).concat(fmt::format(".partial-{}", ::getpid()))) {
    std::error_code ignored;
    fs::remove(path_, ignored);
  }
  ~PartialFile() {
    if (keep_) return;
    std::error_code ignored;
    for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
      fs::remove(fs::path(path_).concat(suffix), ignored);
    }
  }
  const fs::path& path() const { return path_; }
  // Syncs the finished copy and renames it to `target` (atomic within one file system).
  void move_to(const fs::path& target) {
    sync_file(path_);
    fs::rename(path_, target);
    keep_ = true;
    sync_file(target.has_parent_path() ? target.parent_path() : fs::path("."));
  }

 private:
  fs::path path_;
  bool keep_ = false;
};

// Copies `from` into the partial file, checks it, and leaves it a single self-contained file
// (rollback journal mode; the server switches it back to WAL when it opens it).
int copy_and_check(const Handle& from, const PartialFile& partial, const std::string& what) {
  Handle to(partial.path().string(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  copy_database(from, to);
  check_integrity(to, what);
  const int version = schema_version(to, what);
  to.scalar("PRAGMA journal_mode=DELETE");
  return version;
}

}  // namespace

BackupReport backup_sqlite(const std::string& db_path, const std::string& to_file) {
  if (!fs::is_regular_file(db_path)) {
    throw AppError(ErrorCode::kNotFound, fmt::format("no database at {}", db_path));
  }
  const fs::path target(to_file);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  Handle source(db_path, SQLITE_OPEN_READWRITE);
  PartialFile partial(target);
  BackupReport report;
  report.engine = "sqlite";
  report.file = to_file;
  report.schema_version = copy_and_check(source, partial, "the backup copy");
  partial.move_to(target);
  report.bytes = fs::file_size(target);
  report.check = "integrity_check ok";
  return report;
}

BackupReport restore_sqlite(const std::string& db_path, const std::string& from_file, bool force) {
  if (!fs::is_regular_file(from_file)) {
    throw AppError(ErrorCode::kNotFound, fmt::format("no backup at {}", from_file));
  }
  const fs::path target(db_path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  // Held until the new file is in place: no server starts on the database meanwhile.
  auto lock = storage::SqliteFileLock::try_lock(db_path, storage::SqliteFileLock::Mode::kExclusive);
  if (!lock && !force) {
    throw AppError(ErrorCode::kConflict,
                   fmt::format("{} is in use by a running rxtrack; stop it first (or pass --force, "
                               "and restart every rxtrack using it right after)",
                               db_path));
  }
  if (!lock) spdlog::warn("restoring {} while it is in use (--force)", db_path);

  Handle backup(from_file, SQLITE_OPEN_READONLY);
  check_integrity(backup, "the backup");
  const int version = schema_version(backup, "the backup");
  if (version > newest_known_version()) {
    throw AppError(ErrorCode::kValidation,
                   fmt::format("the backup is at schema version {}, newer than this rxtrack ({})",
                               version, newest_known_version()));
  }
  PartialFile partial(target);
  copy_and_check(backup, partial, "the restored copy");
  // The old database's write-ahead log belongs to the file being replaced: it must go first, or
  // SQLite would replay it into the restored file.
  std::error_code ignored;
  for (const char* suffix : {"-wal", "-shm", "-journal"}) {
    fs::remove(fs::path(target).concat(suffix), ignored);
  }
  partial.move_to(target);
  BackupReport report;
  report.engine = "sqlite";
  report.file = from_file;
  report.bytes = fs::file_size(target);
  report.schema_version = version;
  report.check = "integrity_check ok";
  return report;
}

}  // namespace rx::backup
