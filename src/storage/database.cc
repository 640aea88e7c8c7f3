#include "storage/database.h"

#include "core/error.h"
#include "storage/postgres_database.h"
#include "storage/sqlite_database.h"

#include <stdexcept>

namespace rx::storage {

std::optional<Row> Connection::query_one(std::string_view sql, const Params& params) {
  ResultSet result = query(sql, params);
  if (result.rows.empty()) return std::nullopt;
  return std::move(result.rows.front());
}

std::int64_t Connection::query_int(std::string_view sql, const Params& params) {
  ResultSet result = query(sql, params);
  if (result.rows.empty() || result.rows.front().size() == 0) return 0;
  return result.rows.front()[0].as_int();
}

std::int64_t Connection::insert_returning_id(std::string_view insert_sql, const Params& params) {
  const ResultSet result = query(std::string(insert_sql) + " RETURNING id", params);
  if (result.rows.size() != 1) {
    throw std::logic_error("insert_returning_id needs a one-row INSERT: " +
                           std::string(insert_sql));
  }
  return result.first().int_at(0);
}

bool rolled_back(Connection& connection) {
  try {
    connection.query("ROLLBACK");
    return true;
  } catch (...) {
    return false;
  }
}

std::unique_ptr<Connection> Database::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty() || open_count_ < pool_size_; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
  }
  ++open_count_;
  lock.unlock();
  try {
    return open_connection();
  } catch (...) {
    lock.lock();
    --open_count_;
    available_.notify_one();
    throw;
  }
}

void Database::release(std::unique_ptr<Connection> connection, bool healthy) {
  std::lock_guard lock(mutex_);
  if (healthy && connection->healthy()) {
    idle_.push_back(std::move(connection));
  } else {
    --open_count_;
    connection.reset();
  }
  available_.notify_one();
}

void Database::with_connection(const std::function<void(Connection&)>& work) {
  auto connection = acquire();
  try {
    work(*connection);
  } catch (...) {
    release(std::move(connection), true);
    throw;
  }
  release(std::move(connection), true);
}

void Database::transaction(TxMode mode, const std::function<void(Connection&)>& work) {
  if (mode == TxMode::kWrite) {
    write(work, false);
    return;
  }
  pooled_transaction(mode, work);
}

void Database::write(const std::function<void(Connection&)>& work, bool /*rerunnable*/) {
  pooled_transaction(TxMode::kWrite, work);
}

void Database::pooled_transaction(TxMode mode, const std::function<void(Connection&)>& work) {
  auto connection = acquire();
  bool began = false;
  try {
    connection->query(begin_statement(mode));
    began = true;
    work(*connection);
    connection->query("COMMIT");
  } catch (...) {
    const bool healthy = !began || rolled_back(*connection);
    release(std::move(connection), healthy);
    throw;
  }
  release(std::move(connection), true);
}

void Database::close() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return static_cast<int>(idle_.size()) == open_count_; });
  idle_.clear();
  open_count_ = 0;
}

std::string join_sql(std::string_view head, std::string_view tail) {
  std::string sql;
  sql.reserve(head.size() + tail.size());
  sql.append(head);
  sql.append(tail);
  return sql;
}

std::unique_ptr<Database> open_database(const std::string& url, int pool_size) {
  if (url.rfind("sqlite:", 0) == 0) {
    return std::make_unique<SqliteDatabase>(url.substr(7), pool_size);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return std::make_unique<PostgresDatabase>(url, pool_size);
  }
  throw core::AppError(core::ErrorCode::kValidation,
                       "database URL must start with sqlite: or postgresql://",
                       {{"fields", {{"db", "unsupported scheme"}}}});
}

}  // namespace rx::storage
