#pragma once

#include "storage/database.h"

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

namespace rx::storage {

// SQLite's group commit: write transactions of this process queue here and one thread runs
// what is queued as ONE transaction on a connection of its own, commits once, and only then
// lets any of them return. SQLite has one writer at a time and each commit writes every page it
// touched to the WAL: two bills a millisecond apart wrote the same index pages twice, and
// writers that found the lock taken slept in SQLite's busy handler (1, 2, 5, 10... ms). Each
// caller still gets its own outcome, and nothing is acknowledged before it is committed.
class SqliteWriter {
 public:
  // `open` makes the writer's own connection (SqliteDatabase installs the checkpointer on it);
  // `begin` is the statement that opens a write transaction.
  SqliteWriter(std::function<std::unique_ptr<Connection>()> open, std::string_view begin);
  ~SqliteWriter();

  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;

  // Runs `work` in the next write group and answers once that group is committed; rethrows
  // what `work` threw (its changes alone undone), or the error of a BEGIN or COMMIT that failed
  // (nothing of the group stored). With `rerunnable`, `work` may run more than once and only
  // its last run is kept. Throws AppError(kInternal) when called from inside a write group.
  void write(const std::function<void(Connection&)>& work, bool rerunnable);

  // Stops the thread once what is queued is written and closes the writer's connection; a
  // later write starts them again.
  void stop();

 private:
  struct Job;
  void run();
  void run_group(const std::vector<Job*>& group);
  std::optional<std::size_t> run_without_savepoints(const std::vector<Job*>& group);
  void run_with_savepoints(const std::vector<Job*>& group);
  std::unique_ptr<Connection> take_connection();
  void give_back_connection(std::unique_ptr<Connection> connection, bool healthy);

  const std::function<std::unique_ptr<Connection>()> open_;
  const std::string_view begin_;
  std::mutex mutex_;
  std::condition_variable waiting_;
  std::vector<Job*> queue_;  // GUARDED_BY(mutex_)
  bool stopping_ = false;    // GUARDED_BY(mutex_)
  std::thread thread_;
  std::unique_ptr<Connection> connection_;  // used by the writer thread alone
};

}  // namespace rx::storage
