// PDC against cases worked out by hand (day counts in the comments).
#include "reports/pdc.h"
#include "reports/percent.h"

#include <gtest/gtest.h>

namespace rx::reports {
namespace {

PdcPurchase buy(const std::string& medicine, const std::string& on, int days) {
  return {medicine, medicine, on, days};
}

TEST(PdcTest, AGapLeavesDaysUncovered) {
  // Period 01-01..01-30 = 30 days; covered 01-01..01-10 and 01-21..01-30 = 20 days.
  auto pdc = customer_pdc({buy("a", "2026-01-01", 10), buy("a", "2026-01-21", 10)}, "2026-01-30");
  ASSERT_TRUE(pdc);
  ASSERT_EQ(pdc->medicines.size(), 1u);
  EXPECT_EQ(round2(pdc->pdc), 66.67);
  EXPECT_EQ(pdc->medicines[0].purchases, 2);
  EXPECT_EQ(pdc->last_purchase_on, "2026-01-21");
  EXPECT_EQ(pdc->days_without_supply, 0) << "covered through as_of";
}

TEST(PdcTest, OverlappingSupplyIsCarriedForward) {
  // 01-01 +10 covers 01-01..01-10; 01-05 +10 starts after it, 01-11..01-20; 01-15 +10 covers
  // 01-21..01-30. Period 01-01..02-09 = 40 days, covered 30. Without carrying forward it would
  // be 01-01..01-24 = 24 days (60%).
  auto pdc = customer_pdc(
      {buy("a", "2026-01-15", 10), buy("a", "2026-01-01", 10), buy("a", "2026-01-05", 10)},
      "2026-02-09");
  ASSERT_TRUE(pdc);
  EXPECT_EQ(round2(pdc->pdc), 75.0);
  EXPECT_EQ(pdc->medicines[0].supply_ends_on, "2026-01-30");
  EXPECT_EQ(pdc->days_without_supply, 10) << "02-09 minus 01-30";
}

TEST(PdcTest, ASinglePurchaseIsNotMeasured) {
  EXPECT_FALSE(customer_pdc({buy("a", "2026-01-01", 30)}, "2026-01-20"));
  EXPECT_FALSE(customer_pdc({buy("a", "2026-01-01", 30), buy("b", "2026-01-02", 30)}, "2026-01-20"))
      << "two medicines bought once each";
  EXPECT_FALSE(customer_pdc({}, "2026-01-20"));
}

TEST(PdcTest, SupplyPastTheEndOfTheWindowIsCapped) {
  // 01-01 +10 covers 01-01..01-10; 01-08 +30 carries to 01-11..02-09. Period 01-01..01-20 = 20
  // days, all covered: 100, not (10 + 30) / 20.
  auto pdc = customer_pdc({buy("a", "2026-01-01", 10), buy("a", "2026-01-08", 30)}, "2026-01-20");
  ASSERT_TRUE(pdc);
  EXPECT_EQ(pdc->pdc, 100.0);
  EXPECT_EQ(pdc->medicines[0].supply_ends_on, "2026-02-09");
  EXPECT_EQ(pdc->days_without_supply, 0);
}

TEST(PdcTest, ThePeriodStartsAtTheFirstPurchaseInTheWindow) {
  // First bought mid-window: period 06-01..06-30 = 30 days, covered 20 (66.67), not 20 of 180.
  auto pdc = customer_pdc({buy("a", "2026-06-01", 10), buy("a", "2026-06-16", 10)}, "2026-06-30");
  ASSERT_TRUE(pdc);
  EXPECT_EQ(round2(pdc->pdc), 66.67);
}

TEST(PdcTest, PurchasesBeforeTheWindowAreLeftOut) {
  // The 180 days ending 2026-06-30 start on 2026-01-02. The 01-01 purchase is outside; period
  // 03-01..06-30 = 122 days, covered 03-01..03-30 and 04-01..04-30 = 60 days: 49.18.
  auto pdc = customer_pdc(
      {buy("a", "2026-01-01", 60), buy("a", "2026-03-01", 30), buy("a", "2026-04-01", 30)},
      "2026-06-30");
  ASSERT_TRUE(pdc);
  EXPECT_EQ(pdc->medicines[0].purchases, 2);
  EXPECT_EQ(round2(pdc->pdc), 49.18);
  EXPECT_EQ(pdc->days_without_supply, 61) << "06-30 minus 04-30";
  // The first day of the window counts.
  auto edge = customer_pdc({buy("a", "2026-01-02", 90), buy("a", "2026-04-01", 91)}, "2026-06-30");
  ASSERT_TRUE(edge);
  EXPECT_EQ(edge->pdc, 100.0) << "01-02..04-01 then 04-02..07-01 cover all 180 days";
}

TEST(PdcTest, ACustomersPdcIsTheMeanOfTheirMedicines) {
  // a: 66.67 (the gap case). b: 01-11 +10 then 01-15 +20 carried to 01-21..02-09; period
  // 01-11..01-30 = 20 days, all covered: 100. c: bought once, left out. Mean 83.33.
  auto pdc = customer_pdc(
      {buy("a", "2026-01-01", 10), buy("a", "2026-01-21", 10), buy("b", "2026-01-11", 10),
       buy("b", "2026-01-15", 20), buy("c", "2026-01-29", 5)},
      "2026-01-30");
  ASSERT_TRUE(pdc);
  ASSERT_EQ(pdc->medicines.size(), 2u);
  EXPECT_EQ(round2(pdc->medicines[0].pdc), 66.67);
  EXPECT_EQ(pdc->medicines[1].pdc, 100.0);
  EXPECT_EQ(round2(pdc->pdc), 83.33);
  EXPECT_EQ(pdc->last_purchase_on, "2026-01-29") << "any medicine's latest purchase";
}

TEST(PdcTest, TheLatestSpellingNamesTheMedicine) {
  auto pdc = customer_pdc({{"metformin 500", "METFORMIN 500", "2026-01-01", 10},
                           {"metformin 500", "Metformin 500", "2026-01-11", 10}},
                          "2026-01-20");
  ASSERT_TRUE(pdc);
  EXPECT_EQ(pdc->medicines[0].medicine, "Metformin 500");
  EXPECT_EQ(pdc->pdc, 100.0);
}

}  // namespace
}  // namespace rx::reports
