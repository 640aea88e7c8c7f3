#pragma once

#include "storage/value.h"

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace rx::storage {

enum class Dialect { kSqlite, kPostgres };

// One row of a result; columns are addressed by position, in the order of the SELECT list.
class Row {
 public:
  explicit Row(std::vector<Value> cells) : cells_(std::move(cells)) {}
  const Value& operator[](std::size_t i) const { return cells_.at(i); }
  std::size_t size() const { return cells_.size(); }
  std::int64_t int_at(std::size_t i) const { return cells_.at(i).as_int(); }
  std::string text_at(std::size_t i) const { return cells_.at(i).as_text(); }
  bool bool_at(std::size_t i) const { return cells_.at(i).as_bool(); }

 private:
  std::vector<Value> cells_;
};

// One row of a result read where the engine holds it (SQLite's statement, libpq's result),
// without copying each cell into a Value first: valid only inside the callback of
// Connection::for_each_row, and so is every text view it answers. Read a column as its type
// (int_at for integers and booleans, text_at for text): a NULL reads as 0 or "", a boolean as 1
// or 0, as through Row.
class RowView {
 public:
  virtual std::size_t size() const = 0;
  virtual bool is_null(std::size_t i) const = 0;
  virtual std::int64_t int_at(std::size_t i) const = 0;
  virtual std::string_view text_at(std::size_t i) const = 0;

  bool bool_at(std::size_t i) const { return int_at(i) != 0; }
  std::optional<std::int64_t> opt_int_at(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return int_at(i);
  }
  std::optional<std::string> opt_text_at(std::size_t i) const {
    if (is_null(i)) return std::nullopt;
    return std::string(text_at(i));
  }

 protected:
  ~RowView() = default;
};

struct ResultSet {
  std::vector<Row> rows;
  std::int64_t affected = 0;  // rows changed by INSERT/UPDATE/DELETE

  bool empty() const { return rows.empty(); }
  const Row& first() const { return rows.front(); }
};

using Params = std::vector<Value>;

// A COPY ... FROM STDIN in progress (PostgreSQL): rows stream in as text-format lines.
class CopyIn {
 public:
  virtual ~CopyIn() = default;
  virtual void write(std::string_view data) = 0;
  virtual void finish() = 0;  // ends the COPY; throws AppError if the server refused it
};

// A connection taken from the pool for one unit of work. SQL is written once with `?`
// placeholders; the PostgreSQL driver rewrites them to `$n`. Prepared statements are cached per
// connection. Driver failures are thrown as core::AppError with codes from driver_error.h.
class Connection {
 public:
  virtual ~Connection() = default;
  virtual ResultSet query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a query and hands each row to `each` as the engine reads it, for the answers that read
  // many rows many times a second (a list of fifty contacts of twenty-three columns): building a
  // ResultSet cost a fifth of such a request's instructions.
  virtual void for_each_row(std::string_view sql, const Params& params,
                            const std::function<void(const RowView&)>& each) = 0;
  virtual void execute_script(std::string_view sql) = 0;  // several statements, no params
  virtual Dialect dialect() const = 0;
  // False once the link to the server is lost; the pool then drops the connection.
  virtual bool healthy() const { return true; }

  // For a bulk write: lets this connection keep up to `kib` KiB of the pages the transaction
  // touches in its own memory (SQLite's page cache, so a large import does not write pages out
  // and read them back before it commits); nullopt returns to the usual size, and the memory is
  // freed once the transaction ends. A no-op where the server keeps the cache (PostgreSQL).
  virtual void set_bulk_cache(std::optional<int> /*kib*/) {}

  // COPY for bulk loads; PostgreSQL only (nullptr on engines without it).
  virtual std::unique_ptr<CopyIn> copy_in(std::string_view /*copy_sql*/) { return nullptr; }

  // Runs an INSERT of one row, written without RETURNING, into a table whose key is `id`, and
  // answers the new row's id. PostgreSQL adds RETURNING id. SQLite reads the rowid the insert
  // made instead: its RETURNING first collects the rows in a temporary table, about 23,000
  // instructions a statement, a seventh of a bill's.
  virtual std::int64_t insert_returning_id(std::string_view insert_sql, const Params& params);

  // Convenience: the single row, or nullptr-equivalent (empty optional).
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  std::int64_t query_int(std::string_view sql, const Params& params = {});
};

// `head` followed by `tail`. Out of line on purpose: GCC 12 reports a false -Warray-bounds
// when the concatenation of a long constant and a literal is inlined into its caller.
std::string join_sql(std::string_view head, std::string_view tail);

// The rows of a query, each read in place through `convert` (a function of a RowView).
template <typename Convert>
auto rows_as(Connection& c, std::string_view sql, const Params& params, Convert convert) {
  std::vector<decltype(convert(std::declval<const RowView&>()))> out;
  c.for_each_row(sql, params, [&](const RowView& row) { out.push_back(convert(row)); });
  return out;
}

// The first row of a query read through `convert`, if there is one.
template <typename Convert>
auto first_row_as(Connection& c, std::string_view sql, const Params& params, Convert convert) {
  std::optional<decltype(convert(std::declval<const RowView&>()))> out;
  c.for_each_row(sql, params, [&](const RowView& row) {
    if (!out) out = convert(row);
  });
  return out;
}

// Transaction intent: SQLite takes the write lock up front for kWrite (BEGIN IMMEDIATE) so
// that two writers never deadlock upgrading a read lock.
enum class TxMode { kRead, kWrite };

// Rolls back the connection's open transaction. False when even that fails: such a connection
// must not be reused.
bool rolled_back(Connection& connection);

// The engine-neutral database: a pool of connections, transactions on them, and the write
// transactions an engine may run its own way (SqliteDatabase commits them in groups).
class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs `work` on a pooled connection without an explicit transaction (autocommit). Rethrows
  // what `work` throws; AppError(kUnavailable) when no connection can be opened.
  void with_connection(const std::function<void(Connection&)>& work);
  // Runs `work` inside BEGIN/COMMIT; any exception rolls back and propagates. A driver failure
  // is an AppError with the code driver_error.h gives it (kConflict for a unique or foreign key
  // violation, kUnavailable for a busy or unreachable database, ...).
  void transaction(TxMode mode, const std::function<void(Connection&)>& work);
  // A write transaction whose `job` (a function of Connection&) may be run more than once: it
  // must act on nothing outside the transaction, and answers its result, which the caller gets
  // from the run that was committed. SQLite can then commit it in a group without a savepoint
  // of its own. Throws like transaction().
  template <class Job>
  std::invoke_result_t<Job&, Connection&> rerunnable_write(Job&& job);

  // Stops what the engine runs in the background once what is queued is written (SQLite's
  // writer thread), waits for in-use connections to come back and closes every connection. For
  // shutdown: no request may start a write meanwhile. An engine that writes on a thread of its
  // own calls it in its destructor, before that thread could reach a connection of an engine
  // already gone.
  virtual void close();

 protected:
  explicit Database(int pool_size) : pool_size_(pool_size) {}
  virtual std::unique_ptr<Connection> open_connection() = 0;
  virtual std::string_view begin_statement(TxMode mode) const = 0;
  // Runs a write transaction; with `rerunnable`, `work` may run more than once and only its
  // last run is kept. By default a transaction on a pooled connection.
  virtual void write(const std::function<void(Connection&)>& work, bool rerunnable);
  // BEGIN, `work`, COMMIT on a pooled connection; any exception rolls back and propagates.
  void pooled_transaction(TxMode mode, const std::function<void(Connection&)>& work);

 private:
  std::unique_ptr<Connection> acquire();
  void release(std::unique_ptr<Connection> connection, bool healthy);

  const int pool_size_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;  // GUARDED_BY(mutex_)
  int open_count_ = 0;                             // GUARDED_BY(mutex_)
};

template <class Job>
std::invoke_result_t<Job&, Connection&> Database::rerunnable_write(Job&& job) {
  using Result = std::invoke_result_t<Job&, Connection&>;
  if constexpr (std::is_void_v<Result>) {
    write([&job](Connection& c) { job(c); }, true);
  } else {
    // Each run replaces what an earlier one answered: only the committed run's result is kept.
    std::optional<Result> result;
    write(
        [&job, &result](Connection& c) {
          result.reset();
          result.emplace(job(c));
        },
        true);
    return std::move(*result);
  }
}

// Opens `sqlite:PATH` or `postgresql://...` (also `postgres://`). Throws AppError on failure.
std::unique_ptr<Database> open_database(const std::string& url, int pool_size);

}  // namespace rx::storage
