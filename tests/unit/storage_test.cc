// Storage behaviour that must be identical on both engines; the PostgreSQL half runs when
// RXTRACK_TEST_PG_URL names a server where the test may create a database.
#include "core/error.h"
#include "pg_admin.h"
#include "storage/database.h"
#include "storage/migrations.h"
#include "storage/sqlite_checkpointer.h"
#include "storage/statement_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

namespace rx::storage {
namespace {

using core::AppError;
using core::ErrorCode;

class StorageTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static int counter = 0;
    // The clock too: ctest runs each test in a process of its own, and process ids come round
    // again on a server that keeps the databases of earlier runs.
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    const std::string tag = std::to_string(getpid()) + "_" + std::to_string(counter++) + "_" +
                            std::to_string(ticks % 1'000'000'000);
    if (GetParam() == "postgres") {
      const char* admin = std::getenv("RXTRACK_TEST_PG_URL");
      if (!admin || !*admin) GTEST_SKIP() << "RXTRACK_TEST_PG_URL not set";
      admin_url_ = admin;
      pg_name_ = "rxunit_" + tag;
      url_ = create_pg_database(admin_url_, pg_name_);
      ASSERT_FALSE(url_.empty());
    } else {
      path_ = std::filesystem::temp_directory_path() / ("rxunit_" + tag + ".db");
      url_ = "sqlite:" + path_.string();
    }
    db_ = open_database(url_, 4);
    migrate(*db_, 1000);
  }
  void TearDown() override {
    db_.reset();
    if (!url_.empty() && !pg_name_.empty())
      run_admin(admin_url_, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path_.string() + suffix);
    }
  }

  std::int64_t insert_shop(Connection& c, const std::string& key) {
    return c.query_int(
        "INSERT INTO shops (name, webhook_key, created_at, updated_at) VALUES (?, ?, 1, 1) "
        "RETURNING id",
        {"Shop " + key, key});
  }
  std::int64_t insert_staff(Connection& c, std::int64_t shop, const std::string& email) {
    return c.query_int(
        "INSERT INTO staff (shop_id, name, email, role, password_hash, created_at, updated_at) "
        "VALUES (?, 'S', ?, 'staff', 'h', 1, 1) RETURNING id",
        {shop, email});
  }

  // SQLite's WAL tests: transactions that each write `pages` pages of one 4,000-byte blob a row.
  void create_wal_pages_table() {
    db_->transaction(TxMode::kWrite,
                     [](Connection& c) { c.execute_script("CREATE TABLE wal_pages (b BLOB)"); });
  }
  void write_wal_pages(int pages) {
    db_->transaction(TxMode::kWrite, [&](Connection& c) {
      for (int i = 0; i < pages; ++i) c.query("INSERT INTO wal_pages (b) VALUES (zeroblob(4000))");
    });
  }
  // Waits until the database file holds at least `bytes`, or `patience` has passed; its size.
  std::uintmax_t file_size_once_at_least(std::uintmax_t bytes, std::chrono::seconds patience) {
    const auto deadline = std::chrono::steady_clock::now() + patience;
    while (std::filesystem::file_size(path_) < bytes &&
           std::chrono::steady_clock::now() < deadline) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::filesystem::file_size(path_);
  }
  // The frames in the WAL now (a PASSIVE checkpoint answers them); none if it answered nothing.
  std::optional<std::int64_t> wal_frames() {
    std::optional<std::int64_t> frames;
    db_->with_connection([&](Connection& c) {
      if (const auto row = c.query_one("PRAGMA wal_checkpoint(PASSIVE)")) frames = row->int_at(1);
    });
    return frames;
  }

  // Writes one page at a time until the WAL holds fewer than `frames` frames, or 20 s have
  // passed (the checkpoint thread's copy and the writer's own checkpoint finish in their own
  // time); the frames after the last write, none when the checkpoint answered nothing.
  std::optional<std::int64_t> wal_frames_after_writes_until_below(std::int64_t frames) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::optional<std::int64_t> now_in_wal;
    do {
      write_wal_pages(1);
      now_in_wal = wal_frames();
    } while (now_in_wal && *now_in_wal >= frames && std::chrono::steady_clock::now() < deadline);
    return now_in_wal;
  }

  std::string url_;
  std::string admin_url_;
  std::string pg_name_;
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

ErrorCode code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const AppError& e) {
    return e.code();
  }
  return ErrorCode::kInternal;
}

TEST_P(StorageTest, MigrationsAreRecordedAndIdempotent) {
  MigrationReport again = migrate(*db_, 2000);
  EXPECT_TRUE(again.applied.empty());
  EXPECT_EQ(again.current_version, embedded_migrations().back().version);
}

TEST_P(StorageTest, ABinaryRefusesASchemaNewerThanItKnowsAndChangesNothing) {
  const int newest_known = embedded_migrations().back().version;
  db_->transaction(TxMode::kWrite, [&](Connection& c) {
    c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'future', 3000)",
            {newest_known + 1});
  });
  try {
    migrate(*db_, 4000);
    FAIL() << "migrate accepted a schema newer than it knows";
  } catch (const AppError& e) {
    EXPECT_EQ(e.code(), ErrorCode::kUnavailable);
    EXPECT_NE(std::string(e.what()).find("newer than this rxtrack knows"), std::string::npos)
        << e.what();
    EXPECT_EQ(e.details().at("schema_version"), newest_known + 1);
  }
  db_->with_connection([&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM schema_migrations WHERE applied_at = 4000"), 0);
  });
}

TEST_P(StorageTest, InsertReturningIdAnswersTheNewRowsIdAndRefusesAnInsertOfNoRow) {
  constexpr std::string_view kInsertShop =
      "INSERT INTO shops (name, webhook_key, created_at, updated_at) VALUES (?, ?, 1, 1)";
  db_->with_connection([&](Connection& c) {
    const std::int64_t first = c.insert_returning_id(kInsertShop, {"First", "k-first"});
    const std::int64_t second = c.insert_returning_id(kInsertShop, {"Second", "k-second"});
    EXPECT_NE(first, second);
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM shops WHERE id = ? AND name = 'First'", {first}),
              1);
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM shops WHERE id = ? AND name = 'Second'", {second}),
              1);
    EXPECT_THROW(c.insert_returning_id("INSERT INTO shops (name, webhook_key, created_at, "
                                       "updated_at) SELECT name, 'k-none', 1, 1 FROM shops "
                                       "WHERE 1 = 0",
                                       {}),
                 std::logic_error);
  });
}

TEST_P(StorageTest, UniqueViolationIsAConflict) {
  db_->with_connection([&](Connection& c) {
    insert_shop(c, "k1");
    EXPECT_EQ(code_of([&] { insert_shop(c, "k1"); }), ErrorCode::kConflict);
  });
}

TEST_P(StorageTest, ARowCannotPointIntoAnotherShop) {
  db_->with_connection([&](Connection& c) {
    const std::int64_t shop_a = insert_shop(c, "a");
    const std::int64_t shop_b = insert_shop(c, "b");
    const std::int64_t staff_a = insert_staff(c, shop_a, "a@x.test");
    // A contact of shop B assigned to shop A's staff member is refused by the database itself.
    EXPECT_EQ(code_of([&] {
                c.query(
                    "INSERT INTO contact_records (shop_id, phone, assigned_staff_id, created_at, "
                    "updated_at) "
                    "VALUES (?, '+919876543210', ?, 1, 1)",
                    {shop_b, staff_a});
              }),
              ErrorCode::kValidation);
    c.query(
        "INSERT INTO contact_records (shop_id, phone, assigned_staff_id, created_at, updated_at) "
        "VALUES (?, '+919876543210', ?, 1, 1)",
        {shop_a, staff_a});
  });
}

TEST_P(StorageTest, ListedValuesAreStillTheOnlyOnesAllowed) {
  db_->with_connection([&](Connection& c) {
    const std::int64_t shop = insert_shop(c, "checks");
    const auto insert_contact = [&](std::string_view status, std::string_view phone) {
      c.query(
          "INSERT INTO contact_records (shop_id, phone, status, created_at, updated_at) "
          "VALUES (?, ?, ?, 1, 1)",
          {shop, std::string(phone), std::string(status)});
    };
    int next = 10;
    for (std::string_view status : {"pending", "contacted", "converted", "yellow"}) {
      insert_contact(status, "+9198765432" + std::to_string(next++));
    }
    EXPECT_EQ(code_of([&] { insert_contact("bought", "+919876543214"); }), ErrorCode::kValidation);
    EXPECT_EQ(code_of([&] { insert_contact("Pending", "+919876543215"); }), ErrorCode::kValidation);
  });
}

TEST_P(StorageTest, DeletingAShopDeletesItsRows) {
  db_->with_connection([&](Connection& c) {
    const std::int64_t shop = insert_shop(c, "gone");
    insert_staff(c, shop, "gone@x.test");
    c.query("DELETE FROM shops WHERE id = ?", {shop});
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM staff WHERE shop_id = ?", {shop}), 0);
  });
}

TEST_P(StorageTest, AFailedTransactionLeavesNothing) {
  EXPECT_THROW(db_->transaction(TxMode::kWrite,
                                [&](Connection& c) {
                                  insert_shop(c, "half");
                                  throw std::runtime_error("fail half-way");
                                }),
               std::runtime_error);
  db_->with_connection([&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM shops WHERE webhook_key = 'half'"), 0);
  });
}

// Many concurrent writers, every third failing half-way: each gets its own outcome, the
// successful ones are all stored, nothing of a failed one is (SQLite commits them in groups).
// Half the threads write through rerunnable_write, so groups are mixed or all rerunnable.
// SQLite's write groups run on a connection of their own, so that its page cache outlives each
// group: writes go on while every pooled connection is busy reading, and each group finds what
// the one before it left on its connection (a TEMP table lives on one connection only).
TEST_P(StorageTest, SqliteWriteGroupsShareAConnectionOutsideThePool) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "PostgreSQL runs writes on pooled connections";
  db_->transaction(TxMode::kWrite, [](Connection& c) {
    c.execute_script("CREATE TEMP TABLE writer_mark (n INTEGER)");
    c.query("INSERT INTO writer_mark (n) VALUES (1)");
  });
  std::atomic<int> readers_in{0};
  std::atomic<bool> release_readers{false};
  std::vector<std::thread> readers;
  for (int i = 0; i < 4; ++i) {  // the pool's size in SetUp
    readers.emplace_back([&] {
      db_->with_connection([&](Connection&) {
        ++readers_in;
        while (!release_readers) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      });
    });
  }
  while (readers_in < 4) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::atomic<bool> written{false};
  std::int64_t marks = 0;
  std::thread writer([&] {
    db_->transaction(TxMode::kWrite, [&](Connection& c) {
      c.query("INSERT INTO writer_mark (n) VALUES (2)");
      marks = c.query_int("SELECT COUNT(*) FROM writer_mark");
    });
    written = true;
  });
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!written && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  EXPECT_TRUE(written) << "a write waited for a pooled connection";
  release_readers = true;
  for (std::thread& reader : readers) reader.join();
  writer.join();
  EXPECT_EQ(marks, 2);
}

// The WAL's pages reach the database file without the writer copying them (SqliteCheckpointer):
// a write of some 600 pages, below the writer's own checkpoint at 4,000, grows the file all the
// same. And past 4,000 the WAL still starts over, as with SQLite's automatic checkpoint.
TEST_P(StorageTest, SqliteCopiesTheWalIntoTheFileInTheBackgroundAndTheWalStartsOver) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "PostgreSQL checkpoints by itself";
  create_wal_pages_table();
  const std::uintmax_t before = std::filesystem::file_size(path_);
  write_wal_pages(600);
  EXPECT_GE(file_size_once_at_least(before + 2'000'000, std::chrono::seconds(10)),
            before + 2'000'000);

  for (int i = 0; i < 9; ++i) write_wal_pages(600);
  // The writer's checkpoint at the limit is deferred while the thread is copying; a later write
  // finds it done.
  const auto frames = wal_frames_after_writes_until_below(4000);
  ASSERT_TRUE(frames);
  EXPECT_LT(*frames, 4000) << "the WAL did not start over";
}

// A commit of thousands of pages (an imported sheet) leaves them to the checkpoint thread
// rather than copying them inside its COMMIT; the WAL still starts over afterwards.
TEST(SqliteCheckpointerTest, TheWriterCopiesAtTheLimitUnlessItsOwnCommitWasLarge) {
  EXPECT_FALSE(SqliteCheckpointer::writer_checkpoints(3999, 20));
  EXPECT_TRUE(SqliteCheckpointer::writer_checkpoints(4000, 20));
  EXPECT_TRUE(SqliteCheckpointer::writer_checkpoints(9000, 1999));
  EXPECT_FALSE(SqliteCheckpointer::writer_checkpoints(5500, 5500));
  EXPECT_FALSE(SqliteCheckpointer::writer_checkpoints(9000, 2000));
}

TEST_P(StorageTest, SqliteTheWalStartsOverAfterOneLargeCommit) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "PostgreSQL checkpoints by itself";
  create_wal_pages_table();
  const std::uintmax_t before = std::filesystem::file_size(path_);
  write_wal_pages(5000);
  // The checkpoint thread copies the 5,000 pages into the file...
  EXPECT_GE(file_size_once_at_least(before + 20'000'000, std::chrono::seconds(20)),
            before + 20'000'000);
  // ...and once that copy is complete (the file reaches its size before the thread's last fsync
  // and its record that every frame is copied), a later write starts the WAL over.
  const auto frames = wal_frames_after_writes_until_below(100);
  ASSERT_TRUE(frames);
  EXPECT_LT(*frames, 100) << "the WAL did not start over";
}

// A connection keeps at most StatementCache::kCapacity prepared statements, however many texts
// it runs, and a statement it let go of is prepared again when needed.
TEST_P(StorageTest, AConnectionKeepsABoundedNumberOfPreparedStatements) {
  constexpr int kTexts = static_cast<int>(StatementCache<int>::kCapacity) + 100;
  db_->with_connection([&](Connection& c) {
    for (int i = 0; i < kTexts; ++i) {
      EXPECT_EQ(c.query_int("SELECT " + std::to_string(i) + " + ?", {1}), i + 1);
    }
    EXPECT_EQ(c.query_int("SELECT 0 + ?", {5}), 5);  // long since pushed out
    if (GetParam() == "postgres") {
      EXPECT_LE(c.query_int("SELECT COUNT(*) FROM pg_prepared_statements"),
                static_cast<std::int64_t>(StatementCache<int>::kCapacity) + 1);
    }
  });
}

// A write opened inside another would wait for the writer thread that runs it: refused at once,
// and the writer goes on with later writes.
TEST_P(StorageTest, AWriteInsideAnotherIsRefusedAndLaterWritesGoOn) {
  const auto nested = [&] {
    db_->transaction(TxMode::kWrite, [&](Connection&) {
      db_->transaction(TxMode::kWrite, [](Connection& c) { c.query("SELECT 1"); });
    });
  };
  if (GetParam() == "sqlite") {
    EXPECT_EQ(code_of(nested), ErrorCode::kInternal);
  }
  std::int64_t shop = 0;
  db_->transaction(TxMode::kWrite, [&](Connection& c) { shop = insert_shop(c, "after"); });
  db_->with_connection([&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM shops WHERE id = ?", {shop}), 1);
  });
}

TEST_P(StorageTest, ConcurrentWritersEachGetTheirOwnOutcome) {
  constexpr int kThreads = 8;
  constexpr int kPerThread = 40;
  std::atomic<int> succeeded{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        const std::string key = "w" + std::to_string(t) + "_" + std::to_string(i);
        const bool fail = (t * kPerThread + i) % 3 == 0;
        const auto write = [&](Connection& c) {
          insert_shop(c, key);
          if (fail) insert_shop(c, key);  // the same webhook key again: unique violation
        };
        try {
          if (t % 2 == 0) {
            db_->transaction(TxMode::kWrite, write);
          } else {
            db_->rerunnable_write(write);
          }
          ++succeeded;
        } catch (const AppError& e) {
          EXPECT_EQ(e.code(), ErrorCode::kConflict) << key;
          ++failed;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const int expected_failures = (kThreads * kPerThread + 2) / 3;
  EXPECT_EQ(failed.load(), expected_failures);
  EXPECT_EQ(succeeded.load(), kThreads * kPerThread - expected_failures);
  db_->with_connection([&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM shops WHERE webhook_key LIKE 'w%'"),
              succeeded.load());
  });
}

// Writes that may run again, queued behind a write that holds the group: SQLite then runs them
// as one group without savepoints; when one fails the group is rolled back and the others run
// again. Each still gets its own outcome and is stored once; PostgreSQL runs each once.
TEST_P(StorageTest, ARerunnableGroupWithAFailureRunsTheOthersAgain) {
  std::atomic<bool> release{false};
  std::atomic<bool> holding{false};
  std::thread holder([&] {
    db_->transaction(TxMode::kWrite, [&](Connection& c) {
      insert_shop(c, "holder");
      holding = true;
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    });
  });
  while (!holding) std::this_thread::sleep_for(std::chrono::milliseconds(1));

  constexpr int kWriters = 4;
  constexpr int kFailing = 2;
  std::atomic<int> runs[kWriters] = {};
  std::atomic<int> outcomes[kWriters] = {};  // 1 stored, 2 refused
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    // One at a time, so that they queue in this order.
    if (i > 0) std::this_thread::sleep_for(std::chrono::milliseconds(30));
    writers.emplace_back([&, i] {
      const std::string key = "rerun_" + std::to_string(i);
      try {
        db_->rerunnable_write([&](Connection& c) {
          ++runs[i];
          insert_shop(c, key);
          if (i == kFailing) insert_shop(c, key);  // unique violation
        });
        outcomes[i] = 1;
      } catch (const AppError& e) {
        EXPECT_EQ(e.code(), ErrorCode::kConflict);
        outcomes[i] = 2;
      }
    });
  }
  // Let them all queue behind the holder (on PostgreSQL they simply run).
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  release = true;
  holder.join();
  for (auto& writer : writers) writer.join();

  for (int i = 0; i < kWriters; ++i) EXPECT_EQ(outcomes[i], i == kFailing ? 2 : 1) << i;
  db_->with_connection([&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM shops WHERE webhook_key LIKE 'rerun_%'"),
              kWriters - 1);
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM shops WHERE webhook_key = 'holder'"), 1);
  });
  if (GetParam() == "sqlite") {
    // The group ran in queue order: those before the failing one ran twice, the failing one
    // once, those after it once (in the second run only).
    int ran_twice = 0;
    for (int i = 0; i < kWriters; ++i) {
      if (i == kFailing) {
        EXPECT_EQ(runs[i], 1);
      }
      if (runs[i] == 2) ++ran_twice;
      EXPECT_LE(runs[i], 2) << i;
    }
    EXPECT_GE(ran_twice, 1) << "the jobs run before the failure ran again";
  } else {
    for (int i = 0; i < kWriters; ++i) EXPECT_EQ(runs[i], 1) << i;
  }
}

// SQLite: refused, not a hang (the inner one would wait for the group it belongs to).
// PostgreSQL: an independent second transaction on another connection.
TEST_P(StorageTest, AWriteInsideAWriteIsRefusedNotAHang) {
  const auto nested = [&] {
    db_->transaction(TxMode::kWrite,
                     [&](Connection&) { db_->transaction(TxMode::kWrite, [](Connection&) {}); });
  };
  if (GetParam() == "sqlite") {
    EXPECT_EQ(code_of(nested), ErrorCode::kInternal);
  } else {
    EXPECT_NO_THROW(nested());
  }
}

TEST_P(StorageTest, ValuesRoundTrip) {
  db_->with_connection([&](Connection& c) {
    const std::int64_t shop = insert_shop(c, "rt");
    auto row = c.query_one("SELECT id, name, refill_lead_days, created_at FROM shops WHERE id = ?",
                           {shop});
    ASSERT_TRUE(row);
    EXPECT_EQ(row->int_at(0), shop);
    EXPECT_EQ(row->text_at(1), "Shop rt");
    EXPECT_EQ(row->int_at(2), 5);
    auto flags = c.query_one(
        "SELECT include_medicine_names FROM shop_messaging_settings WHERE shop_id = ?", {shop});
    EXPECT_FALSE(flags.has_value());  // created by the shop service, not by a raw insert
    // Integers of each width, at their ends, come back as numbers (PostgreSQL sends text).
    auto ints = c.query_one(
        "SELECT CAST(-32768 AS SMALLINT), CAST(2147483647 AS INTEGER), "
        "CAST(-9223372036854775807 AS BIGINT) - 1, CAST(0 AS BIGINT)");
    ASSERT_TRUE(ints);
    EXPECT_TRUE((*ints)[0].is_int());
    EXPECT_EQ(ints->int_at(0), -32768);
    EXPECT_EQ(ints->int_at(1), 2147483647);
    EXPECT_EQ(ints->int_at(2), std::numeric_limits<std::int64_t>::min());
    EXPECT_EQ(ints->int_at(3), 0);
  });
}

// for_each_row reads cells where the engine holds them; it must read them as a ResultSet does.
TEST_P(StorageTest, RowsReadInPlaceMatchTheResultSet) {
  db_->with_connection([&](Connection& c) {
    const std::int64_t shop = insert_shop(c, "view");
    c.query(
        "INSERT INTO contact_records (shop_id, phone, name, wrong_number, notes, created_at, "
        "updated_at) VALUES (?, '+919800000001', 'Asha', TRUE, NULL, 7, 8), "
        "(?, '+919800000002', 'R\xC3\xA9ka \"q\"', FALSE, 'n', -9223372036854775807, 9)",
        {shop, shop});
    const std::string sql =
        "SELECT id, phone, name, wrong_number, notes, created_at, "
        "CAST(-32768 AS SMALLINT), CAST(2147483647 AS INTEGER) FROM contact_records "
        "WHERE shop_id = ? ORDER BY phone";
    const ResultSet expected = c.query(sql, {shop});
    ASSERT_EQ(expected.rows.size(), 2u);
    std::size_t n = 0;
    c.for_each_row(sql, {shop}, [&](const RowView& r) {
      ASSERT_LT(n, expected.rows.size());
      const Row& want = expected.rows[n++];
      ASSERT_EQ(r.size(), want.size());
      for (std::size_t i = 0; i < want.size(); ++i) {
        EXPECT_EQ(r.is_null(i), want[i].is_null()) << "row " << n << " column " << i;
      }
      for (std::size_t i : {0, 3, 4, 5, 6, 7}) {
        EXPECT_EQ(r.int_at(i), want.int_at(i)) << "row " << n << " column " << i;
        EXPECT_EQ(r.opt_int_at(i), want[i].as_opt_int()) << "row " << n << " column " << i;
      }
      for (std::size_t i : {1, 2, 4}) {
        EXPECT_EQ(r.opt_text_at(i), want[i].as_opt_text()) << "row " << n << " column " << i;
      }
      EXPECT_EQ(r.bool_at(3), want.bool_at(3));
      EXPECT_THROW(r.int_at(want.size()), std::out_of_range);
    });
    EXPECT_EQ(n, 2u);
    EXPECT_EQ(expected.rows[0].text_at(2), "Asha");
    EXPECT_TRUE(expected.rows[0].bool_at(3));
    EXPECT_TRUE(expected.rows[0][4].is_null());
    EXPECT_EQ(expected.rows[1].int_at(5), -9223372036854775807);

    std::size_t none = 0;
    c.for_each_row(sql, {shop + 1000}, [&](const RowView&) { ++none; });
    EXPECT_EQ(none, 0u);
  });
}

// SQLite builds a temporary B-tree of a CHECK's IN list for every row it checks; migration 0009
// rewrote them as comparisons, and a new table must not bring one back.
TEST(SqliteSchemaTest, TablesCheckListsWithComparisons) {
  const std::filesystem::path path = std::filesystem::temp_directory_path() /
                                     ("rxunit_schema_" + std::to_string(getpid()) + ".db");
  {
    const std::unique_ptr<Database> db = open_database("sqlite:" + path.string(), 1);
    migrate(*db, 1000);
    db->with_connection([&](Connection& c) {
      const ResultSet tables = c.query("SELECT name, sql FROM sqlite_schema WHERE type = 'table'");
      ASSERT_GT(tables.rows.size(), 10u);
      for (const auto& row : tables.rows) {
        EXPECT_EQ(row.text_at(1).find(" IN ("), std::string::npos) << row.text_at(0);
      }
      EXPECT_EQ(c.query_one("PRAGMA integrity_check")->text_at(0), "ok");
    });
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

INSTANTIATE_TEST_SUITE_P(Engines, StorageTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rx::storage
