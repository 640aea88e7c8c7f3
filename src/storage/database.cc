#include "storage/database.h"

#include "core/error.h"
#include "storage/postgres_database.h"
#include "storage/sqlite_database.h"

#include <algorithm>
#include <exception>
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

namespace {
// Rolls back the connection's open transaction. False when even that fails: such a connection
// is not reused.
bool rolled_back(Connection& connection) {
  try {
    connection.query("ROLLBACK");
    return true;
  } catch (...) {
    return false;
  }
}
}  // namespace

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
  if (mode == TxMode::kWrite && group_writes()) {
    grouped_write(work, false);
    return;
  }
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

// Group commit. SQLite has one writer at a time, and every commit writes each page it touched to
// the WAL: two bills a millisecond apart write the same index pages twice, and writers that find
// the lock taken sleep in SQLite's busy handler (1, 2, 5, 10... ms). So writers of this process
// queue here; the writer thread runs everything queued in ONE transaction, each piece inside its
// own savepoint where needed so that a piece that fails is undone alone, commits once, and only
// then does any of them return. Each caller still gets its own outcome, and nothing is
// acknowledged before it is committed.
struct Database::WriteJob {
  const std::function<void(Connection&)>* work = nullptr;
  bool rerunnable = false;
  std::exception_ptr error;
  bool done = false;                 // GUARDED_BY(group_mutex_)
  std::condition_variable finished;  // wakes this job's caller alone
};

namespace {
// Set while this thread runs a write group: a write transaction opened inside another would
// wait for the group it is part of, forever. It is a programming error, reported as one.
thread_local bool running_write_group = false;
}  // namespace

void Database::rerunnable_write(const std::function<void(Connection&)>& work) {
  if (group_writes()) {
    grouped_write(work, true);
  } else {
    transaction(TxMode::kWrite, work);
  }
}

void Database::grouped_write(const std::function<void(Connection&)>& work, bool rerunnable) {
  if (running_write_group) {
    throw core::AppError(core::ErrorCode::kInternal, "a write transaction inside another");
  }
  WriteJob job;
  job.work = &work;
  job.rerunnable = rerunnable;
  std::unique_lock lock(group_mutex_);
  if (!writer_thread_.joinable()) writer_thread_ = std::thread([this] { run_writer(); });
  waiting_writes_.push_back(&job);
  writes_waiting_.notify_one();
  job.finished.wait(lock, [&] { return job.done; });
  lock.unlock();
  if (job.error) std::rethrow_exception(job.error);
}

// The write groups' thread: runs everything queued as one group, then whatever queued
// meanwhile. A thread of its own rather than one of the callers taking the lead in turn: a
// leader had to be woken for each group, and then shared the cores with the callers of the
// group before it, all woken at once to write their answers; the next group waited for both.
// Side by side under 32 clients posting bills: 1,433 / 1,769 / 1,781 -> 1,687 / 1,963 / 2,138
// bills/s.
void Database::run_writer() {
  running_write_group = true;
  std::unique_lock lock(group_mutex_);
  while (true) {
    writes_waiting_.wait(lock, [this] { return !waiting_writes_.empty() || stopping_writer_; });
    if (waiting_writes_.empty()) break;  // stopping, with nothing left to write
    std::vector<WriteJob*> group;
    group.swap(waiting_writes_);
    lock.unlock();
    run_write_group(group);
    lock.lock();
    for (WriteJob* member : group) {
      member->done = true;
      member->finished.notify_one();
    }
  }
}

// A savepoint makes SQLite copy every page a job changes before it changes it (the
// sub-journal): an eighth of a bill's instructions. A job alone needs none, since rolling back
// the transaction undoes only it; nor does a group whose jobs may all run again. If a job of
// such a group fails, the group is rolled back, that job keeps its error, and the others run
// again, each in its own savepoint.
void Database::run_write_group(const std::vector<WriteJob*>& group) {
  const bool rerunnable =
      std::all_of(group.begin(), group.end(), [](const WriteJob* job) { return job->rerunnable; });
  if (group.size() > 1 && !rerunnable) {
    run_with_savepoints(group);
    return;
  }
  const std::optional<std::size_t> failed = run_without_savepoints(group);
  if (!failed) return;
  std::vector<WriteJob*> rest;
  for (std::size_t i = 0; i < group.size(); ++i) {
    if (i != *failed) rest.push_back(group[i]);
  }
  if (!rest.empty()) run_with_savepoints(rest);
}

// Every job in one transaction with no savepoint. Answers the job that failed, after rolling
// back the others' changes, or nullopt when all are settled (committed, or given the error of a
// BEGIN or COMMIT that failed).
std::optional<std::size_t> Database::run_without_savepoints(const std::vector<WriteJob*>& group) {
  std::unique_ptr<Connection> connection;
  bool began = false;
  bool healthy = true;
  std::optional<std::size_t> failed;
  try {
    connection = take_writer();
    connection->query(begin_statement(TxMode::kWrite));
    began = true;
    for (std::size_t i = 0; i < group.size() && !failed; ++i) {
      try {
        (*group[i]->work)(*connection);
      } catch (...) {
        group[i]->error = std::current_exception();
        failed = i;
      }
    }
    connection->query(failed ? "ROLLBACK" : "COMMIT");
    began = false;
  } catch (...) {
    // BEGIN, COMMIT or ROLLBACK failed (busy, disk full...): nothing of the group is stored.
    const std::exception_ptr failure = std::current_exception();
    for (WriteJob* job : group) {
      if (!job->error) job->error = failure;
    }
    failed.reset();
    if (began) healthy = rolled_back(*connection);
  }
  if (connection) give_back_writer(std::move(connection), healthy);
  return failed;
}

void Database::run_with_savepoints(const std::vector<WriteJob*>& group) {
  std::unique_ptr<Connection> connection;
  bool began = false;
  bool healthy = true;
  try {
    connection = take_writer();
    connection->query(begin_statement(TxMode::kWrite));
    began = true;
    bool any_succeeded = false;
    for (WriteJob* job : group) {
      if (!healthy) {
        job->error = std::make_exception_ptr(
            core::AppError(core::ErrorCode::kUnavailable, "the database failed; try again"));
        continue;
      }
      connection->query("SAVEPOINT grouped_write");
      try {
        (*job->work)(*connection);
        connection->query("RELEASE grouped_write");
        any_succeeded = true;
      } catch (...) {
        job->error = std::current_exception();
        try {
          connection->query("ROLLBACK TO grouped_write");
          connection->query("RELEASE grouped_write");
        } catch (...) {
          healthy = false;  // the pieces already done are rolled back below
        }
      }
    }
    if (!healthy) throw core::AppError(core::ErrorCode::kUnavailable, "the database failed");
    connection->query(any_succeeded ? "COMMIT" : "ROLLBACK");
  } catch (...) {
    // BEGIN or COMMIT failed (busy, disk full...): nothing of the group is stored.
    const std::exception_ptr failure = std::current_exception();
    for (WriteJob* job : group) {
      if (!job->error || !healthy) job->error = failure;
    }
    if (began && !rolled_back(*connection)) healthy = false;
  }
  if (connection) give_back_writer(std::move(connection), healthy);
}

// SQLite empties a connection's page cache whenever it begins a transaction and finds that
// another connection has committed since: with write groups taking any pooled connection, every
// group began cold and read each B-tree page it needed again. The writer thread runs every group
// on one connection of its own; its cache then stays valid from one group to the next.
std::unique_ptr<Connection> Database::take_writer() {
  if (writer_) return std::move(writer_);
  return open_writer_connection();
}

void Database::give_back_writer(std::unique_ptr<Connection> connection, bool healthy) {
  if (healthy && connection->healthy()) writer_ = std::move(connection);
}

void Database::close() {
  // The writer thread finishes what is queued, then stops; a later write starts it again.
  {
    std::lock_guard lock(group_mutex_);
    stopping_writer_ = true;
  }
  writes_waiting_.notify_all();
  if (writer_thread_.joinable()) writer_thread_.join();
  {
    std::lock_guard lock(group_mutex_);
    stopping_writer_ = false;
    writer_.reset();
  }
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
