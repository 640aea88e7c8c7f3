#include "insights/contact_times.h"

#include <gtest/gtest.h>

#include <random>
#include <stdexcept>

namespace rx::insights {
namespace {

TEST(ContactTimes, FindsTheHourWithTheHighestTrueReachRate) {
  // A known process: every weekday hour 9..20 reaches 30%, Thursday 18:00 reaches 70%.
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit;
  WeekHourCounts counts;
  for (int day = 1; day <= 7; ++day) {
    for (int hour = 9; hour < 21; ++hour) {
      const double rate = (day == 4 && hour == 18) ? 0.7 : 0.3;
      for (int call = 0; call < 60; ++call) counts.add(day, hour, unit(rng) < rate);
    }
  }
  const ContactTimes times = summarise_contact_times(counts, {9, 21});
  ASSERT_EQ(times.cells.size(), 168u);
  ASSERT_FALSE(times.best.empty());
  EXPECT_EQ(times.best[0].weekday, 4);
  EXPECT_LE(times.best[0].start_hour, 18);
  EXPECT_GT(times.best[0].end_hour, 18);
  EXPECT_EQ(times.overall.attempts, 7 * 12 * 60);
  // The cell is shrunk towards the shop's rate but stays above it.
  const HourCell& thursday_six = times.cells[(4 - 1) * 24 + 18];
  EXPECT_GT(thursday_six.estimate.rate, times.overall_estimate.rate);
  EXPECT_LT(thursday_six.estimate.rate,
            static_cast<double>(thursday_six.counts.reached) / thursday_six.counts.attempts);
  EXPECT_LT(thursday_six.estimate.low, thursday_six.estimate.rate);
  EXPECT_GT(thursday_six.estimate.high, thursday_six.estimate.rate);
}

TEST(ContactTimes, EmptyCellsShowThePriorAndWindowsStayInsideCallingHours) {
  WeekHourCounts counts;
  for (int i = 0; i < 10; ++i) counts.add(1, 22, true);  // outside the window: only the prior
  for (int i = 0; i < 10; ++i) counts.add(1, 10, i < 5);
  const ContactTimes times = summarise_contact_times(counts, {9, 21});
  EXPECT_NEAR(times.cells[2 * 24 + 3].estimate.rate, times.overall_estimate.rate, 1e-12);
  for (const TimeWindow& w : times.best) {
    EXPECT_GE(w.start_hour, 9);
    EXPECT_LE(w.end_hour, 21);
    EXPECT_LE(w.end_hour - w.start_hour, 3);
  }
}

TEST(ContactTimes, BestWindowsDoNotOverlap) {
  WeekHourCounts counts;
  for (int i = 0; i < 50; ++i) {
    counts.add(2, 18, true);
    counts.add(2, 19, true);
    counts.add(3, 10, i % 2 == 0);
    counts.add(5, 11, false);
  }
  const std::vector<TimeWindow> best = best_windows(counts, {9, 21}, 0.5, 10, 3);
  for (std::size_t i = 0; i < best.size(); ++i) {
    for (std::size_t j = i + 1; j < best.size(); ++j) {
      const bool days_meet =
          !best[i].weekday || !best[j].weekday || *best[i].weekday == *best[j].weekday;
      EXPECT_FALSE(days_meet && best[i].start_hour < best[j].end_hour &&
                   best[j].start_hour < best[i].end_hour);
    }
  }
  ASSERT_FALSE(best.empty());
  EXPECT_EQ(best[0].weekday, 2);
  EXPECT_EQ(best[0].start_hour, 18);
  EXPECT_EQ(best[0].end_hour, 20);
}

TEST(ContactTimes, RejectsOutOfRangeInput) {
  WeekHourCounts counts;
  EXPECT_THROW(counts.add(0, 10, true), std::out_of_range);
  EXPECT_THROW(counts.add(1, 24, true), std::out_of_range);
  EXPECT_THROW((void)best_windows(counts, {21, 9}, 0.5, 10, 3), std::invalid_argument);
}

TEST(ContactBestWindow, ThreePickupsAtAnHourOutweighTheShopsBetterHour) {
  // The shop: 10:00 reaches 6 in 10, 19:00 none of 10.
  WeekHourCounts shop;
  for (int k = 0; k < 10; ++k) {
    shop.add(1 + k % 7, 10, k < 6);
    shop.add(1 + k % 7, 19, false);
  }
  // The contact picked up three times of three at 19:00 (on three weekdays).
  WeekHourCounts own;
  for (int day : {1, 3, 5}) {
    own.add(day, 19, true);
    shop.add(day, 19, true);
  }
  const double prior = summarise_contact_times(shop, {9, 21}).overall_estimate.rate;
  const auto best = contact_best_window(own, shop, {9, 21}, prior);
  ASSERT_TRUE(best.has_value());
  EXPECT_FALSE(best->weekday.has_value());
  EXPECT_LE(best->start_hour, 19);
  EXPECT_GT(best->end_hour, 19);
  EXPECT_EQ(best->attempts, 3);
  // The shop alone would say 10:00.
  const auto shop_best = summarise_contact_times(shop, {9, 21}).best;
  ASSERT_FALSE(shop_best.empty());
  EXPECT_EQ(shop_best[0].start_hour, 10);
}

TEST(ContactBestWindow, AContactNeverReachedAtTheShopsBestHourIsSentElsewhere) {
  WeekHourCounts shop;
  for (int k = 0; k < 20; ++k) {
    shop.add(2, 10, k < 14);  // 70%
    shop.add(2, 15, k < 12);  // 60%
  }
  WeekHourCounts own;
  for (int k = 0; k < 4; ++k) {
    own.add(2, 10, false);
    shop.add(2, 10, false);
  }
  const double prior = summarise_contact_times(shop, {9, 21}).overall_estimate.rate;
  const auto best = contact_best_window(own, shop, {9, 21}, prior);
  ASSERT_TRUE(best.has_value());
  EXPECT_EQ(best->start_hour, 15);
  EXPECT_EQ(best->end_hour, 16);
  // No calls inside the hours at all: nothing to say.
  WeekHourCounts late;
  late.add(1, 23, true);
  EXPECT_FALSE(contact_best_window(late, late, {9, 21}, 0.5).has_value());
  EXPECT_THROW(contact_best_window(own, shop, {21, 9}, 0.5), std::invalid_argument);
}

}  // namespace
}  // namespace rx::insights
