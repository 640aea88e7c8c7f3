// The refill list's reads on SQLite, checked on the statements the repository runs: sort=risk
// reads its index (refill_reminders_by_risk) instead of sorting the shop's reminders, and the
// day's list reads its few do-not-contact customers once.
#include "refills/refill_repository.h"
#include "sqlite_plan.h"

#include <gtest/gtest.h>

#include <string>

namespace rx::refills {
namespace {

using RefillRiskIndexTest = test::MigratedSqliteTest;

TEST_F(RefillRiskIndexTest, SortByRiskOfOpenRemindersReadsTheIndexWithoutSorting) {
  RefillFilter open;
  open.open_only = true;
  const auto [sql, params] =
      RefillRepository::list_statement(core::ShopId(1), open, 50, 0, RefillSort::kRisk);
  const std::string plan = plan_of(sql, params);
  EXPECT_NE(plan.find("refill_reminders_by_risk"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("TEMP B-TREE"), std::string::npos) << plan;
  // The default order is unchanged and does not use it.
  const auto [by_day, day_params] =
      RefillRepository::list_statement(core::ShopId(1), open, 50, 0, RefillSort::kRemindOn);
  EXPECT_EQ(plan_of(by_day, day_params).find("refill_reminders_by_risk"), std::string::npos);
}

// The day's list leaves out the customers who asked not to be contacted and the reminders whose
// message is on its way by reading each once, not by looking them up for each due reminder.
TEST_F(RefillRiskIndexTest, TheDaysListReadsTheDoNotContactCustomersOnce) {
  RefillFilter day;
  day.status = RefillStatus::kPending;
  day.to = "2026-12-07";
  day.hide_while_messaging = true;
  const auto [sql, params] =
      RefillRepository::list_statement(core::ShopId(1), day, 50, 0, RefillSort::kRemindOn);
  const std::string plan = plan_of(sql, params);
  EXPECT_NE(plan.find("refill_reminders_due"), std::string::npos) << plan;
  EXPECT_NE(plan.find("customers_do_not_contact"), std::string::npos) << plan;
  EXPECT_NE(plan.find("messages_by_status"), std::string::npos) << plan;
  EXPECT_EQ(plan.find("CORRELATED"), std::string::npos) << plan;
}

}  // namespace
}  // namespace rx::refills
