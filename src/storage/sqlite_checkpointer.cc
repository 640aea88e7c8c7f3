#include "storage/sqlite_checkpointer.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

namespace rx::storage {

SqliteCheckpointer::SqliteCheckpointer(std::string path)
    : path_(std::move(path)), thread_([this] { run(); }) {}

SqliteCheckpointer::~SqliteCheckpointer() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

void SqliteCheckpointer::install_on(sqlite3* writer) { sqlite3_wal_hook(writer, on_commit, this); }

int SqliteCheckpointer::on_commit(void* self, sqlite3* db, const char* schema, int frames_in_wal) {
  // The pages this commit wrote to the WAL: the pager's count since the last commit (reset
  // here each time), which, unlike the WAL's size, does not depend on when the WAL started over.
  int added = 0;
  int highest = 0;
  sqlite3_db_status(db, SQLITE_DBSTATUS_CACHE_WRITE, &added, &highest, 1);
  if (writer_checkpoints(frames_in_wal, added)) {
    // What SQLite's automatic checkpoint does, with most pages already copied: a busy
    // checkpointer (this object's thread) only defers it to the next commit.
    sqlite3_wal_checkpoint_v2(db, schema, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (frames_in_wal >= kBackgroundFromFrames) {
    static_cast<SqliteCheckpointer*>(self)->request();
  }
  return SQLITE_OK;
}

void SqliteCheckpointer::request() {
  {
    std::lock_guard lock(mutex_);
    if (requested_) return;
    requested_ = true;
  }
  wake_.notify_one();
}

void SqliteCheckpointer::run() {
  sqlite3* db = nullptr;
  // Opened here rather than in the constructor: a database that cannot be opened leaves the
  // writer's own checkpoint doing all the work, as SQLite's automatic one did.
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr) !=
          SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA synchronous=NORMAL", nullptr, nullptr, nullptr) != SQLITE_OK) {
    spdlog::warn("checkpoint thread: cannot open {}: {}", path_, db ? sqlite3_errmsg(db) : "");
    sqlite3_close_v2(db);
    db = nullptr;
  }
  std::unique_lock lock(mutex_);
  while (true) {
    wake_.wait(lock, [this] { return requested_ || stopping_; });
    if (stopping_) break;
    // Cleared before copying: a commit meanwhile asks for another pass, which copies its pages.
    requested_ = false;
    lock.unlock();
    if (db) sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
  lock.unlock();
  sqlite3_close_v2(db);
}

}  // namespace rx::storage
