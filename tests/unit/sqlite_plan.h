#pragma once

// For tests of SQLite's query plans on the statements repositories run: a freshly migrated
// database file of the test's own, and the plan of a statement in it.
#include "storage/codec.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

namespace rx::test {

class MigratedSqliteTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::remove(path_);
    db_ = storage::open_database("sqlite:" + path_.string(), 1);
    storage::migrate(*db_, 1000);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove(path_);
  }

  // The detail column of EXPLAIN QUERY PLAN, one line a step.
  std::string plan_of(const std::string& sql, const storage::Params& params) {
    std::string plan;
    db_->with_connection([&](storage::Connection& c) {
      c.for_each_row("EXPLAIN QUERY PLAN " + sql, params, [&](const storage::RowView& row) {
        plan += storage::Codec<std::string>::read(row, 3) + "\n";
      });
    });
    return plan;
  }

  std::filesystem::path path_ =
      std::filesystem::temp_directory_path() / ("rxunit_plan_" + std::to_string(getpid()) + ".db");
  std::unique_ptr<storage::Database> db_;
};

}  // namespace rx::test
