// The refill list's reads on SQLite, checked on the statements the repository runs: sort=risk
// reads its index (refill_reminders_by_risk) instead of sorting the shop's reminders, and the
// day's list reads its few do-not-contact customers once.
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

// The day's list leaves out the customers who asked not to be contacted and the reminders whose
// message is on its way by reading each once, not by looking them up for each due reminder.
TEST(RefillRiskIndexTest, TheDaysListReadsTheDoNotContactCustomersOnce) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rxunit_refill_day_" + std::to_string(getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto db = storage::open_database("sqlite:" + path.string(), 1);
    storage::migrate(*db, 1000);
    RefillFilter day;
    day.status = RefillStatus::kPending;
    day.to = "2026-12-07";
    day.hide_while_messaging = true;
    db->with_connection([&](storage::Connection& c) {
      const auto [sql, params] =
          RefillRepository::list_statement(core::ShopId(1), day, 50, 0, RefillSort::kRemindOn);
      const std::string plan = query_plan(c, sql, params);
      EXPECT_NE(plan.find("refill_reminders_due"), std::string::npos) << plan;
      EXPECT_NE(plan.find("customers_do_not_contact"), std::string::npos) << plan;
      EXPECT_NE(plan.find("messages_by_status"), std::string::npos) << plan;
      EXPECT_EQ(plan.find("CORRELATED"), std::string::npos) << plan;
    });
  }
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace rx::refills
