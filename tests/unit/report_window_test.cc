// Report windows, formats, percentages and the bucketing arithmetic of the reports.
#include "reports/report_window.h"
#include "core/error.h"
#include "reports/percent.h"
#include "reports/report_calculations.h"

#include <gtest/gtest.h>

namespace rx::reports {
namespace {

// The field a 422 names, or "" when `fn` does not throw a validation error.
template <typename Fn>
std::string invalid_field(Fn fn) {
  try {
    fn();
  } catch (const core::AppError& e) {
    if (e.code() != core::ErrorCode::kValidation) return "wrong code";
    return e.details()["fields"].begin().key();
  }
  return "";
}

TEST(ReportWindowTest, DefaultsToTheThirtyDaysEndingToday) {
  ReportWindow w = resolve_window(std::nullopt, std::nullopt, "2026-03-10");
  EXPECT_EQ(w.from, "2026-02-09");
  EXPECT_EQ(w.to, "2026-03-10");
  w = resolve_window(std::nullopt, "2026-01-31", "2026-03-10");
  EXPECT_EQ(w.from, "2026-01-02") << "from follows a given to";
  w = resolve_window("2026-03-01", std::nullopt, "2026-03-10");
  EXPECT_EQ(w.from, "2026-03-01");
  EXPECT_EQ(w.to, "2026-03-10");
  w = resolve_window("2026-03-10", "2026-03-10", "2026-03-10");
  EXPECT_EQ(w.from, w.to) << "one day is a window";
}

TEST(ReportWindowTest, RefusesBadDatesReversedAndOverLongWindows) {
  EXPECT_EQ(invalid_field([] { resolve_window("yesterday", std::nullopt, "2026-03-10"); }), "from");
  EXPECT_EQ(invalid_field([] { resolve_window(std::nullopt, "2026-02-30", "2026-03-10"); }), "to");
  EXPECT_EQ(invalid_field([] { resolve_window("2026-03-11", "2026-03-10", "2026-03-10"); }),
            "from");
  // 2024 is a leap year: 2024-01-01..2024-12-31 is 366 days, one more is too many.
  EXPECT_EQ(invalid_field([] { resolve_window("2024-01-01", "2024-12-31", "2026-03-10"); }), "");
  EXPECT_EQ(invalid_field([] { resolve_window("2024-01-01", "2025-01-01", "2026-03-10"); }),
            "from");
  EXPECT_FALSE(resolve_optional_window(std::nullopt, std::nullopt, "2026-03-10"));
  EXPECT_EQ(resolve_optional_window(std::nullopt, "2026-03-10", "2026-03-10")->from, "2026-02-09");
}

TEST(ReportWindowTest, Formats) {
  EXPECT_EQ(parse_format(std::nullopt), ReportFormat::kJson);
  EXPECT_EQ(parse_format("json"), ReportFormat::kJson);
  EXPECT_EQ(parse_format("csv"), ReportFormat::kCsv);
  EXPECT_EQ(parse_format("xlsx"), ReportFormat::kXlsx);
  EXPECT_EQ(invalid_field([] { parse_format("pdf"); }), "format");
  EXPECT_EQ(invalid_field([] { parse_format("CSV"); }), "format");
}

TEST(PercentTest, RoundsToTwoDecimalsAndNeverDividesByZero) {
  EXPECT_EQ(percent(0, 0), 0.0);
  EXPECT_EQ(percent(5, 0), 0.0);
  EXPECT_EQ(percent(2, 3), 66.67);
  EXPECT_EQ(percent(1, 3), 33.33);
  EXPECT_EQ(percent(1, 8), 12.5);
  EXPECT_EQ(percent(1, 200), 0.5);
  EXPECT_EQ(percent(1, 400), 0.25);
  EXPECT_EQ(percent(1, 80000), 0.0) << "0.00125 rounds down";
  EXPECT_EQ(percent(1, 40000), 0.0) << "0.0025 rounds to 0.00";
  EXPECT_EQ(percent(1, 20000), 0.01) << "0.005 rounds half up";
  EXPECT_EQ(percent(7, 7), 100.0);
  EXPECT_EQ(round2(66.666666), 66.67);
  EXPECT_EQ(round2(79.994), 79.99);
}

TEST(ReportCalendarTest, WeeksStartOnMonday) {
  EXPECT_EQ(week_start("2026-03-09"), "2026-03-09");  // a Monday
  EXPECT_EQ(week_start("2026-03-15"), "2026-03-09");  // the Sunday after
  EXPECT_EQ(week_start("2026-03-01"), "2026-02-23");
  EXPECT_EQ(week_start("1970-01-01"), "1969-12-29") << "before the reference Monday";
  ReportWindow w{"2026-03-04", "2026-03-16"};
  EXPECT_EQ(each_week(w), (std::vector<std::string>{"2026-03-02", "2026-03-09", "2026-03-16"}));
  EXPECT_EQ(each_day(w).size(), 13u);
  EXPECT_EQ(each_day(w).front(), "2026-03-04");
  EXPECT_EQ(each_day(w).back(), "2026-03-16");
}

TEST(ReportCalendarTest, PointsAreZeroFilledAndAddedUpByWeek) {
  ReportWindow w{"2026-03-04", "2026-03-10"};
  std::vector<TimeseriesPoint> daily{{"2026-03-05", 2, 500},
                                     {"2026-03-05", 1, 100},
                                     {"2026-03-09", 1, 50},
                                     {"2026-03-11", 9, 9}};  // after the window: ignored
  auto days = fill_points(w, TimeseriesInterval::kDay, daily);
  ASSERT_EQ(days.size(), 7u);
  EXPECT_EQ(days[0].date, "2026-03-04");
  EXPECT_EQ(days[0].count, 0);
  EXPECT_EQ(days[1].count, 3);
  EXPECT_EQ(days[1].amount_paise, 600);
  EXPECT_EQ(days[5].count, 1);
  auto weeks = fill_points(w, TimeseriesInterval::kWeek, daily);
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].date, "2026-03-02");
  EXPECT_EQ(weeks[0].count, 3);
  EXPECT_EQ(weeks[1].date, "2026-03-09");
  EXPECT_EQ(weeks[1].amount_paise, 50);
}

TEST(ReportCalendarTest, NewAndReturningCustomersPerWeek) {
  ReportWindow w{"2026-03-02", "2026-03-15"};
  std::vector<CustomerVisit> visits{
      {1, "2026-03-03", "2026-03-03"},  // new in week 1
      {1, "2026-03-04", "2026-03-03"},  // same week again: once
      {1, "2026-03-10", "2026-03-03"},  // returning in week 2
      {2, "2026-03-11", "2026-01-05"},  // returning: first came before the window
      {3, "2026-03-15", "2026-03-09"},  // new: first bill in the same week
  };
  auto weeks = weekly_visits(w, visits);
  ASSERT_EQ(weeks.size(), 2u);
  EXPECT_EQ(weeks[0].week_start, "2026-03-02");
  EXPECT_EQ(weeks[0].new_customers, 1);
  EXPECT_EQ(weeks[0].returning, 0);
  EXPECT_EQ(weeks[1].new_customers, 1);
  EXPECT_EQ(weeks[1].returning, 2);
}

TEST(ReportCalendarTest, TopMedicinesMergeSpellingsAndBreakTiesByName) {
  std::vector<RefilledMedicine> rows{{"metformin 500", "Metformin 500", 3},
                                     {"metformin 500", "METFORMIN 500", 1},
                                     {"amlodipine 5", "Amlodipine 5", 4},
                                     {"zinc", "Zinc", 2},
                                     {"atorva 10", "Atorva 10", 2}};
  auto top = top_medicines(rows, 3);
  ASSERT_EQ(top.size(), 3u);
  EXPECT_EQ(top[0].medicine, "Amlodipine 5");
  EXPECT_EQ(top[0].count, 4);
  EXPECT_EQ(top[1].medicine, "Metformin 500");
  EXPECT_EQ(top[1].count, 4);
  EXPECT_EQ(top[2].medicine, "Atorva 10") << "ties by name; Zinc is cut";
}

TEST(ReportCalendarTest, PdcBuckets) {
  EXPECT_EQ(pdc_bucket(0), 0);
  EXPECT_EQ(pdc_bucket(9.99), 0);
  EXPECT_EQ(pdc_bucket(10), 1);
  EXPECT_EQ(pdc_bucket(79.99), 7);
  EXPECT_EQ(pdc_bucket(80), 8);
  EXPECT_EQ(pdc_bucket(90), 9);
  EXPECT_EQ(pdc_bucket(100), 9);
}

}  // namespace
}  // namespace rx::reports
