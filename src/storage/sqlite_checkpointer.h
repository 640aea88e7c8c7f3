#pragma once

#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;

namespace rx::storage {

// Copies the WAL's pages into the database file on a thread of its own, so that the write group
// does not. SQLite's automatic checkpoint runs inside the COMMIT that takes the WAL past its
// limit: it copies every page and waits for two fsyncs (10-18 ms with a few thousand pages),
// and every writer queued behind that commit waits too; under constant bills that was a fifth
// of the write groups' time. This thread copies the pages as they come (PASSIVE: it never
// waits for readers or the writer), and the writer's own checkpoint at the limit then finds
// little left to copy, after which the WAL starts over as before.
//
// Installed on the write groups' connection only (see SqliteDatabase::open_writer_connection),
// as that connection's WAL hook, which replaces SQLite's automatic checkpoint there.
class SqliteCheckpointer {
 public:
  // Frames in the WAL from which this thread starts copying, and at which the writer itself
  // checkpoints (what SQLite's wal_autocheckpoint did alone). Only a checkpoint that catches up
  // with the WAL's last frame lets the WAL start over, which a thread copying beside a busy
  // writer never does: the writer's checkpoint finishes the job, with little left to copy.
  static constexpr int kBackgroundFromFrames = 500;
  static constexpr int kWriterAtFrames = 4000;
  // A commit that adds this many frames by itself (a 100,000-row sheet adds some 5,200) leaves
  // them to this thread too. Copying 20 MB and waiting for two fsyncs inside that COMMIT made
  // the import's answer wait 110-170 ms longer; the next commit at the limit finishes the job.
  static constexpr int kLargeCommitFrames = 2000;

  // Whether the writer checkpoints itself after a commit that added `frames_added` frames and
  // left `frames_in_wal` in the WAL.
  static bool writer_checkpoints(int frames_in_wal, int frames_added) {
    return frames_in_wal >= kWriterAtFrames && frames_added < kLargeCommitFrames;
  }

  explicit SqliteCheckpointer(std::string path);
  ~SqliteCheckpointer();
  SqliteCheckpointer(const SqliteCheckpointer&) = delete;
  SqliteCheckpointer& operator=(const SqliteCheckpointer&) = delete;

  // Makes `writer` call this object after each commit (sqlite3_wal_hook).
  void install_on(sqlite3* writer);

 private:
  static int on_commit(void* self, sqlite3* db, const char* schema, int frames_in_wal);
  void request();
  void run();

  std::string path_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool requested_ = false;  // GUARDED_BY(mutex_)
  bool stopping_ = false;   // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace rx::storage
