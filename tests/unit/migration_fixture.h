#pragma once

// For tests of one migration on both engines: a database of the test's own (a temporary SQLite
// file, or a new PostgreSQL database when RXTRACK_TEST_PG_URL names a server where the test may
// create one; the PostgreSQL half is skipped without it), brought to the schema just before the
// migration under test.
#include "pg_admin.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace rx::storage {

class EngineMigrationTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    const auto ticks = std::chrono::steady_clock::now().time_since_epoch().count();
    const std::string tag = std::to_string(getpid()) + "_" + std::to_string(ticks % 1'000'000'000);
    if (GetParam() == "postgres") {
      const char* admin = std::getenv("RXTRACK_TEST_PG_URL");
      if (!admin || !*admin) GTEST_SKIP() << "RXTRACK_TEST_PG_URL not set";
      admin_url_ = admin;
      pg_name_ = "rxmigration_" + tag;
      url_ = create_pg_database(admin_url_, pg_name_);
      ASSERT_FALSE(url_.empty()) << "CREATE DATABASE " << pg_name_;
    } else {
      path_ = std::filesystem::temp_directory_path() / ("rxmigration_" + tag + ".db");
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

  // The schema as the last rxtrack before migration `version` left it, as migrate() would record
  // it.
  void migrate_to_before(int version) {
    db_->transaction(TxMode::kWrite, [&](Connection& c) {
      c.execute_script(
          "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT "
          "NOT NULL, applied_at BIGINT NOT NULL)");
    });
    for (const Migration& m : embedded_migrations()) {
      if (m.version >= version) break;
      db_->transaction(TxMode::kWrite, [&](Connection& c) {
        c.execute_script(c.dialect() == Dialect::kSqlite ? m.sqlite_sql : m.postgres_sql);
        c.query("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, 1)",
                {m.version, m.name});
      });
    }
  }

  // A shop as the schema before the migration takes one: its id.
  static std::int64_t insert_shop(Connection& c) {
    return c.query_int(
        "INSERT INTO shops (name, webhook_key, created_at, updated_at) VALUES ('S', 'k', 1, 1) "
        "RETURNING id");
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

}  // namespace rx::storage
