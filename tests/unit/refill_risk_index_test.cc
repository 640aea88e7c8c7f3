// The refill list's sort=risk reads its index on SQLite (refill_reminders_by_risk) instead of
// sorting the shop's reminders: checked on the statement the repository runs.
#include "refills/refill_repository.h"
#include "storage/codec.h"
#include "storage/database.h"
#include "storage/migrations.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace rx::refills {
namespace {

std::string query_plan(storage::Connection& c, const std::string& sql,
                       const storage::Params& params) {
  std::string plan;
  c.for_each_row("EXPLAIN QUERY PLAN " + sql, params, [&](const storage::RowView& row) {
    plan += storage::Codec<std::string>::read(row, 3) + "\n";
  });
  return plan;
}

TEST(RefillRiskIndexTest, SortByRiskOfOpenRemindersReadsTheIndexWithoutSorting) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rxunit_refill_risk_" + std::to_string(getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto db = storage::open_database("sqlite:" + path.string(), 1);
    storage::migrate(*db, 1000);
    RefillFilter open;
    open.open_only = true;
    db->with_connection([&](storage::Connection& c) {
      const auto [sql, params] =
          RefillRepository::list_statement(core::ShopId(1), open, 50, 0, RefillSort::kRisk);
      const std::string plan = query_plan(c, sql, params);
      EXPECT_NE(plan.find("refill_reminders_by_risk"), std::string::npos) << plan;
      EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
      // The default order is unchanged and does not use it.
      const auto [by_day, day_params] =
          RefillRepository::list_statement(core::ShopId(1), open, 50, 0, RefillSort::kRemindOn);
      EXPECT_EQ(query_plan(c, by_day, day_params).find("refill_reminders_by_risk"),
                std::string::npos);
    });
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace rx::refills
