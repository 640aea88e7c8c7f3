#include "storage/sqlite_database.h"

#include "core/error.h"
#include "storage/driver_error.h"
#include "storage/statement_cache.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace rx::storage {
namespace {

constexpr int kBusyTimeoutMs = 5000;

[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view sql) {
  int extended = db ? sqlite3_extended_errcode(db) : rc;
  core::ErrorCode code = error_code_for_sqlite(extended);
  spdlog::warn("sqlite error {} ({}) in: {}", extended, db ? sqlite3_errmsg(db) : "",
               sql.substr(0, 200));
  throw core::AppError(code, std::string(public_message_for_sqlite(extended)),
                       {{"engine", "sqlite"}, {"driver_code", extended}});
}

constexpr int kUsualCacheKib = 4000;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(const std::string& path) {
    int rc =
        sqlite3_open_v2(path.c_str(), &db_,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
      std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      db_ = nullptr;
      throw core::AppError(core::ErrorCode::kUnavailable,
                           "cannot open SQLite database " + path + ": " + message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, kBusyTimeoutMs);
    // WAL lets readers work while one writer commits; NORMAL sync is durable against a
    // process crash (kill -9), which is the failure a shop server sees. Each connection keeps
    // its own page cache: 4 MB each bounds a pool of 8 to 32 MB (the kernel's page cache holds
    // the rest of the file for all of them). Under constant reads the WAL can seldom start over
    // and grew to 1.7 GB in a load test; journal_size_limit cuts it back to 64 MB when it does.
    execute_script(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY; PRAGMA journal_size_limit=67108864;"
        // The automatic checkpoint runs inside the COMMIT that takes the WAL past this many
        // pages, and the whole write group behind it waits. 4,000 (16 MB) rather than SQLite's
        // 1,000 checkpoints a quarter as often, and a page written many times in between is
        // copied once: 1,080 -> 1,236 bills/s side by side (p99 50 -> 71 ms). The write groups'
        // own connection replaces it with SqliteCheckpointer, which copies the pages on a thread
        // of its own and leaves the writer only the last few.
        "PRAGMA wal_autocheckpoint=4000;");
    set_bulk_cache(std::nullopt);
  }

  ~SqliteConnection() override {
    cache_.for_each([](sqlite3_stmt* stmt) { sqlite3_finalize(stmt); });
    sqlite3_close_v2(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }
  sqlite3* handle() const { return db_; }

  void set_bulk_cache(std::optional<int> kib) override {
    // A negative cache_size is in KiB rather than pages.
    execute_script("PRAGMA cache_size=-" + std::to_string(kib.value_or(kUsualCacheKib)));
  }

  void execute_script(std::string_view sql) override {
    std::string copy(sql);
    char* error = nullptr;
    int rc = sqlite3_exec(db_, copy.c_str(), nullptr, nullptr, &error);
    if (error) sqlite3_free(error);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, sql);
  }

  ResultSet query(std::string_view sql, const Params& params) override {
    sqlite3_stmt* stmt = prepare(sql);
    // Text is bound without a copy (SQLITE_STATIC): `params` lives until this call returns,
    // and the bindings are cleared before it does, so no statement keeps a pointer into it.
    Statement use(stmt);
    bind(stmt, params, sql);
    ResultSet result;
    const int columns = sqlite3_column_count(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw_sqlite(db_, rc, sql);
      std::vector<Value> cells;
      cells.reserve(columns);
      for (int i = 0; i < columns; ++i) cells.push_back(column_value(stmt, i));
      result.rows.emplace_back(std::move(cells));
    }
    result.affected = sqlite3_changes64(db_);
    return result;
  }

  void for_each_row(std::string_view sql, const Params& params,
                    const std::function<void(const RowView&)>& each) override {
    sqlite3_stmt* stmt = prepare(sql);
    Statement use(stmt);
    bind(stmt, params, sql);
    const StatementRow row(stmt);
    while (true) {
      int rc = sqlite3_step(stmt);
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) throw_sqlite(db_, rc, sql);
      each(row);
    }
  }

  std::int64_t insert_returning_id(std::string_view insert_sql, const Params& params) override {
    const ResultSet result = query(insert_sql, params);
    if (result.affected != 1 || !result.rows.empty()) {
      throw std::logic_error("insert_returning_id needs a one-row INSERT: " +
                             std::string(insert_sql));
    }
    return sqlite3_last_insert_rowid(db_);
  }

 private:
  // Resets a cached statement and clears its bindings when a query is done with it, however it
  // ends.
  class Statement {
   public:
    explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement() {
      sqlite3_reset(stmt_);
      sqlite3_clear_bindings(stmt_);
    }

   private:
    sqlite3_stmt* stmt_;
  };

  // The row a statement has stepped to. SQLite converts a column on request (an integer to its
  // text and back, as Value does); a text pointer stays valid until the next step, and each
  // column is read once.
  class StatementRow final : public RowView {
   public:
    explicit StatementRow(sqlite3_stmt* stmt)
        : stmt_(stmt), columns_(static_cast<std::size_t>(sqlite3_column_count(stmt))) {}
    std::size_t size() const override { return columns_; }
    bool is_null(std::size_t i) const override {
      return sqlite3_column_type(stmt_, column(i)) == SQLITE_NULL;
    }
    std::int64_t int_at(std::size_t i) const override {
      return sqlite3_column_int64(stmt_, column(i));
    }
    std::string_view text_at(std::size_t i) const override {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column(i)));
      if (!text) return {};
      return {text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column(i)))};
    }

   private:
    int column(std::size_t i) const {
      if (i >= columns_) throw std::out_of_range("no column " + std::to_string(i) + " in the row");
      return static_cast<int>(i);
    }
    sqlite3_stmt* stmt_;
    std::size_t columns_;
  };

  // Cached statements are found by the SQL text without copying it into a key first.
  sqlite3_stmt* prepare(std::string_view sql) {
    if (sqlite3_stmt** cached = cache_.find(sql)) return *cached;
    std::string key(sql);
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) throw_sqlite(db_, rc, sql);
    // A statement still stepping (a query run from inside another's rows) stays.
    const auto evicted = cache_.add(std::move(key), stmt,
                                    [](sqlite3_stmt* old) { return sqlite3_stmt_busy(old) == 0; });
    if (evicted) sqlite3_finalize(*evicted);
    return stmt;
  }

  void bind(sqlite3_stmt* stmt, const Params& params, std::string_view sql) {
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int index = static_cast<int>(i + 1);
      const Value& v = params[i];
      int rc = SQLITE_OK;
      if (v.is_null()) {
        rc = sqlite3_bind_null(stmt, index);
      } else if (v.is_int()) {
        rc = sqlite3_bind_int64(stmt, index, v.as_int());
      } else if (v.is_real()) {
        rc = sqlite3_bind_double(stmt, index, v.as_real());
      } else {
        const std::string& s = v.text_ref();
        rc = sqlite3_bind_text64(stmt, index, s.data(), s.size(), SQLITE_STATIC, SQLITE_UTF8);
      }
      if (rc != SQLITE_OK) throw_sqlite(db_, rc, sql);
    }
  }

  static Value column_value(sqlite3_stmt* stmt, int i) {
    switch (sqlite3_column_type(stmt, i)) {
      case SQLITE_INTEGER:
        return Value(static_cast<long long>(sqlite3_column_int64(stmt, i)));
      case SQLITE_FLOAT:
        return Value(sqlite3_column_double(stmt, i));
      case SQLITE_NULL:
        return Value();
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
        return Value(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt, i))));
      }
    }
  }

  sqlite3* db_ = nullptr;
  StatementCache<sqlite3_stmt*> cache_;
};

// SQLite counts the memory it allocates unless told not to, and every count takes one mutex that
// all of the process's connections share: the pooled readers and the writer queue on it for
// each allocation. rxtrack reads none of those counts (sqlite3_memory_used and the heap limits).
// It must be said before SQLite initializes itself, hence once, before the first database.
void configure_sqlite_library() {
  static std::once_flag once;
  std::call_once(once, [] {
    const int rc = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    if (rc != SQLITE_OK) spdlog::debug("sqlite3_config(MEMSTATUS) answered {}", rc);
  });
}

}  // namespace

SqliteDatabase::SqliteDatabase(std::string path, int pool_size)
    : Database(pool_size),
      path_(std::move(path)),
      writer_([this] { return open_writer_connection(); }, "BEGIN IMMEDIATE") {
  configure_sqlite_library();
  std::filesystem::path file(path_);
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
  if (is_plain_sqlite_file(path_)) {
    restore_guard_ = SqliteFileLock::try_lock(path_, SqliteFileLock::Mode::kShared);
    if (!restore_guard_) {
      throw core::AppError(
          core::ErrorCode::kUnavailable,
          fmt::format("the database {} is being restored; try again when it is done", path_));
    }
  }
}

SqliteDatabase::~SqliteDatabase() { close(); }

std::unique_ptr<Connection> SqliteDatabase::open_connection() {
  return std::make_unique<SqliteConnection>(path_);
}

std::unique_ptr<Connection> SqliteDatabase::open_writer_connection() {
  auto connection = std::make_unique<SqliteConnection>(path_);
  // Only the writer thread calls this.
  if (!checkpointer_) checkpointer_ = std::make_unique<SqliteCheckpointer>(path_);
  checkpointer_->install_on(connection->handle());
  return connection;
}

void SqliteDatabase::write(const std::function<void(Connection&)>& work, bool rerunnable) {
  writer_.write(work, rerunnable);
}

void SqliteDatabase::close() {
  writer_.stop();
  Database::close();
}

std::string_view SqliteDatabase::begin_statement(TxMode mode) const {
  return mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN";
}

}  // namespace rx::storage
