#include "core/time_zone.h"

#include <date/tz.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

namespace rx::core {
namespace {

// 2026-11-25T18:20:00Z is 23:50 in Kolkata; 18:40Z is 00:10 the next day there.
constexpr std::int64_t kLateEvening = 1795630800000LL;    // 18:20Z
constexpr std::int64_t kAfterMidnight = 1795632000000LL;  // 18:40Z

TEST(TimeZoneTest, LocalDateFollowsTheShopsZone) {
  EXPECT_EQ(local_date(kLateEvening, "Asia/Kolkata"), "2026-11-25");
  EXPECT_EQ(local_date(kAfterMidnight, "Asia/Kolkata"), "2026-11-26");
  EXPECT_EQ(local_date(kAfterMidnight, "UTC"), "2026-11-25");
}

// Across a daylight-saving change, before 1970 (negative instants round down, not toward zero)
// and past year 9999 (where the hand-written format hands over to date::format).
TEST(TimeZoneTest, LocalDatesAcrossDaylightSavingBefore1970AndPast9999) {
  // New York went from EST (-05:00) to EDT (-04:00) at 2026-03-08T07:00Z.
  constexpr std::int64_t kBeforeChange = 1772949600000LL;  // 2026-03-08T06:00Z: 01:00 EST
  constexpr std::int64_t kEveningAfter = 1773014400000LL;  // 2026-03-09T00:00Z: 20:00 EDT, 8th
  EXPECT_EQ(local_date(kBeforeChange, "America/New_York"), "2026-03-08");
  EXPECT_EQ(local_date(kEveningAfter, "America/New_York"), "2026-03-08");
  EXPECT_EQ(local_date(kEveningAfter, "Asia/Kolkata"), "2026-03-09");
  EXPECT_EQ(local_date(-1, "UTC"), "1969-12-31");
  EXPECT_EQ(local_date(-1, "Asia/Kolkata"), "1970-01-01");
  EXPECT_EQ(add_days("9999-12-31", 1), "10000-01-01");
  EXPECT_EQ(add_days("0001-01-01", 0), "0001-01-01");
}

TEST(TimeZoneTest, FormatsWithTheOffset) {
  EXPECT_EQ(format_instant(kLateEvening, "Asia/Kolkata"), "2026-11-25T23:50:00+05:30");
  EXPECT_EQ(format_instant(kLateEvening, "UTC"), "2026-11-25T18:20:00+00:00");
}

TEST(TimeZoneTest, ParsesOffsetsZuluAndLocalTimes) {
  EXPECT_EQ(parse_instant("2026-11-25T23:50:00+05:30", "UTC"), kLateEvening);
  EXPECT_EQ(parse_instant("2026-11-25T18:20:00Z", "Asia/Kolkata"), kLateEvening);
  EXPECT_EQ(parse_instant("2026-11-25T23:50", "Asia/Kolkata"), kLateEvening);
  EXPECT_EQ(parse_instant("2026-11-26", "Asia/Kolkata"),
            start_of_local_day("2026-11-26", "Asia/Kolkata"));
  EXPECT_FALSE(parse_instant("2026-02-30T10:00:00Z", "UTC").has_value());
  EXPECT_FALSE(parse_instant("yesterday", "UTC").has_value());
  EXPECT_FALSE(parse_instant("", "UTC").has_value());
}

TEST(TimeZoneTest, DateArithmetic) {
  EXPECT_EQ(add_days("2026-11-25", 30), "2026-12-25");
  EXPECT_EQ(add_days("2028-02-28", 1), "2028-02-29");
  EXPECT_EQ(add_days("2026-03-01", -1), "2026-02-28");
  EXPECT_EQ(days_between("2026-11-25", "2026-12-25"), 30);
  EXPECT_EQ(days_between("2026-12-25", "2026-11-25"), -30);
  EXPECT_TRUE(is_valid_date("2028-02-29"));
  EXPECT_FALSE(is_valid_date("2026-02-29"));
  EXPECT_FALSE(is_valid_date("2026-1-01"));
}

TEST(TimeZoneTest, ValidatesZoneNames) {
  EXPECT_TRUE(is_valid_time_zone("Asia/Kolkata"));
  EXPECT_TRUE(is_valid_time_zone("Asia/Calcutta"));
  EXPECT_FALSE(is_valid_time_zone("Mars/Olympus"));
  EXPECT_FALSE(is_valid_time_zone(""));
}

}  // namespace
}  // namespace rx::core

// The hand-written formatter against the date library's own, across zones with odd and negative
// offsets, daylight saving changes and instants before 1970.
TEST(TimeZoneTest, FormatInstantMatchesTheDateLibrary) {
  const char* zones[] = {"Asia/Kolkata",     "UTC",
                         "America/New_York", "America/St_Johns",
                         "Asia/Kathmandu",   "Australia/Lord_Howe",
                         "Pacific/Chatham"};
  const std::int64_t instants[] = {0,
                                   -1,
                                   -86'400'001,
                                   1'710'054'000'000,  // 2024-03-10 07:00 UTC, a DST change
                                   1'730'613'600'000,  // 2024-11-03 06:00 UTC, a DST change
                                   1'795'730'399'999,
                                   4'102'444'800'000};
  for (const char* zone : zones) {
    for (std::int64_t ms : instants) {
      const auto at = std::chrono::floor<std::chrono::seconds>(
          std::chrono::sys_time<std::chrono::milliseconds>{std::chrono::milliseconds{ms}});
      const std::string expected = date::format(
          "%FT%T%Ez", date::make_zoned(zone, date::sys_seconds{at.time_since_epoch()}));
      EXPECT_EQ(rx::core::format_instant(ms, zone), expected) << zone << " " << ms;
    }
  }
}

// The offset of the span last looked up is reused on the thread: each side of a change, in any
// order and with other zones in between, must still get its own offset.
TEST(TimeZoneTest, FormatInstantIsRightOnEachSideOfAChangeInAnyOrder) {
  constexpr std::int64_t kSpringForward = 1'710'054'000'000;  // 2024-03-10 07:00 UTC, New York
  const std::int64_t around[] = {kSpringForward - 1000, kSpringForward, kSpringForward - 1,
                                 kSpringForward + 1000, kSpringForward - 1000};
  const char* expected[] = {"2024-03-10T01:59:59-05:00", "2024-03-10T03:00:00-04:00",
                            "2024-03-10T01:59:59-05:00", "2024-03-10T03:00:01-04:00",
                            "2024-03-10T01:59:59-05:00"};
  for (std::size_t i = 0; i < std::size(around); ++i) {
    EXPECT_EQ(rx::core::format_instant(around[i], "America/New_York"), expected[i]) << i;
    EXPECT_EQ(rx::core::format_instant(around[i], "Asia/Kolkata").substr(19), "+05:30");
  }
  rx::core::InstantBuffer buffer;
  EXPECT_EQ(rx::core::format_instant(kSpringForward, "America/New_York", buffer),
            "2024-03-10T03:00:00-04:00");
}

// The last instant formatted is kept per thread: the same instant again, in the same or another
// zone, and another thread's instants, must each still get their own text.
TEST(TimeZoneTest, FormatInstantRepeatsGiveTheSameTextInEachZoneAndThread) {
  using rx::core::format_instant;
  constexpr std::int64_t kLateEvening = 1795630800000LL;    // 2026-11-25T18:20:00Z
  constexpr std::int64_t kAfterMidnight = 1795632000000LL;  // 18:40Z
  rx::core::InstantBuffer first;
  rx::core::InstantBuffer again;
  EXPECT_EQ(format_instant(kLateEvening, "Asia/Kolkata", first), "2026-11-25T23:50:00+05:30");
  EXPECT_EQ(format_instant(kLateEvening + 999, "Asia/Kolkata", again), "2026-11-25T23:50:00+05:30");
  EXPECT_EQ(format_instant(kLateEvening, "UTC"), "2026-11-25T18:20:00+00:00");
  EXPECT_EQ(format_instant(kLateEvening, "Asia/Kolkata"), "2026-11-25T23:50:00+05:30");
  EXPECT_EQ(format_instant(kLateEvening + 1000, "Asia/Kolkata"), "2026-11-25T23:50:01+05:30");
  std::string other_thread;
  std::thread([&other_thread, kAfterMidnight] {
    other_thread = format_instant(kAfterMidnight, "Asia/Kolkata");
  }).join();
  EXPECT_EQ(other_thread, "2026-11-26T00:10:00+05:30");
  EXPECT_EQ(format_instant(kLateEvening, "Asia/Kolkata"), "2026-11-25T23:50:00+05:30");
}
