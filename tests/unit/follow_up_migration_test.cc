// Migration 0016 renames contact_reminders to contact_follow_ups on both engines: the rows, their
// ids and the id sequence carry over, and no index keeps the old name. The PostgreSQL half runs
// when RXTRACK_TEST_PG_URL names a server where the test may create a database.

#include "storage/database.h"
#include "storage/migrations.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

namespace rx::storage {
namespace {

constexpr int kRenameVersion = 16;

bool run_admin(const std::string& admin_url, const std::string& sql) {
  PGconn* conn = PQconnectdb(admin_url.c_str());
  PGresult* r = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  PQfinish(conn);
  return ok;
}

class FollowUpMigrationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    const std::string tag = std::to_string(getpid()) + "_" + std::to_string(ticks % 1'000'000'000);
    if (GetParam() == "postgres") {
      const char* admin = std::getenv("RXTRACK_TEST_PG_URL");
      if (!admin || !*admin) GTEST_SKIP() << "RXTRACK_TEST_PG_URL not set";
      admin_url_ = admin;
      pg_name_ = "rxfollowups_" + tag;
      ASSERT_TRUE(run_admin(admin_url_, "CREATE DATABASE " + pg_name_));
      url_ = admin_url_.substr(0, admin_url_.rfind('/') + 1) + pg_name_;
    } else {
      path_ = std::filesystem::temp_directory_path() / ("rxfollowups_" + tag + ".db");
      url_ = "sqlite:" + path_.string();
    }
    db_ = open_database(url_, 2);
  }
  void TearDown() override {
    db_.reset();
    if (!pg_name_.empty()) {
      run_admin(admin_url_, "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
    }
    if (!path_.empty()) {
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::filesystem::remove(path_.string() + suffix);
      }
    }
  }

  // The schema as the last rxtrack before the rename left it, as migrate() would record it.
  void migrate_to_before_the_rename() {
    db_->transaction(TxMode::kWrite, [&](Connection& c) {
      c.execute_script(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
          "NOT NULL, applied_at BIGINT NOT NULL)");
    });
    for (const Migration& m : embedded_migrations()) {
      if (m.version >= kRenameVersion) break;
      db_->transaction(TxMode::kWrite, [&](Connection& c) {
        c.execute_script(c.dialect() == Dialect::kSqlite ? m.sqlite_sql : m.postgres_sql);
        c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 1)",
                {m.version, m.name});
      });
    }
  }

  // The names of the indexes on `table`.
  std::vector<std::string> indexes_of(Connection& c, const std::string& table) {
    const std::string sql = c.dialect() == Dialect::kSqlite
                                ? "SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                  "tbl_name = ? AND name NOT LIKE 'sqlite_%' ORDER BY name"
                                : "SELECT indexname FROM pg_indexes WHERE tablename = ? AND "
                                  "indexname NOT LIKE '%pkey' AND indexname NOT LIKE '%key' "
                                  "ORDER BY indexname";
    std::vector<std::string> out;
    for (const Row& r : c.query(sql, {table}).rows) out.push_back(r.text_at(0));
    return out;
  }

  std::string admin_url_;
  std::string pg_name_;
  std::string url_;
  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

TEST_P(FollowUpMigrationTest, ContactRemindersBecomeContactFollowUpsWithTheirRowsAndIds) {
  migrate_to_before_the_rename();
  std::int64_t set_before = 0;
  db_->transaction(TxMode::kWrite, [&](Connection& c) {
    const std::int64_t shop = c.query_int(
        "INSERT INTO shops (name, webhook_key, created_at, updated_at) VALUES ('S', 'k', 1, 1) "
        "RETURNING id");
    const std::int64_t staff = c.query_int(
        "INSERT INTO staff (shop_id, name, email, role, password_hash, created_at, updated_at) "
        "VALUES (?, 'S', 's@example.com', 'staff', 'h', 1, 1) RETURNING id",
        {shop});
    const std::int64_t contact = c.query_int(
        "INSERT INTO contact_records (shop_id, phone, created_at, updated_at) VALUES (?, "
        "'+919800000001', 1, 1) RETURNING id",
        {shop});
    set_before = c.query_int(
        "INSERT INTO contact_reminders (shop_id, contact_id, staff_id, created_by, due_at, note, "
        "created_at) VALUES (?, ?, ?, ?, 500, 'call back', 2) RETURNING id",
        {shop, contact, staff, staff});
  });

  // The rename and every migration after it apply, the rename first.
  const MigrationReport report = migrate(*db_, 3);
  ASSERT_FALSE(report.applied.empty());
  EXPECT_EQ(report.applied.front(), kRenameVersion);

  db_->transaction(TxMode::kWrite, [&](Connection& c) {
    EXPECT_EQ(c.query_int("SELECT COUNT(*) FROM contact_follow_ups WHERE id = ? AND due_at = 500 "
                          "AND note = 'call back' AND done_at IS NULL",
                          {set_before}),
              1);
    // The ids go on from where they were (PostgreSQL's identity sequence came along).
    const std::int64_t set_after = c.query_int(
        "INSERT INTO contact_follow_ups (shop_id, contact_id, staff_id, due_at, created_at) "
        "SELECT shop_id, contact_id, staff_id, 600, 4 FROM contact_follow_ups RETURNING id");
    EXPECT_GT(set_after, set_before);
    EXPECT_EQ(
        indexes_of(c, "contact_follow_ups"),
        (std::vector<std::string>{"contact_follow_ups_by_contact", "contact_follow_ups_by_staff"}));
  });
  EXPECT_THROW(
      db_->with_connection([](Connection& c) { c.query("SELECT 1 FROM contact_reminders"); }),
      std::exception);
}

INSTANTIATE_TEST_SUITE_P(Engines, FollowUpMigrationTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace rx::storage
