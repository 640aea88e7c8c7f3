// When in the send window a WhatsApp reminder is planned, from the minutes of day people read.
#include "messaging/send_hour.h"

#include <gtest/gtest.h>

namespace rx::messaging {
namespace {

constexpr int at(int hour, int minute = 0) { return hour * 60 + minute; }

TEST(SendHourTest, TheSlotIsTheHourFromWhichTheReadsComeSoonest) {
  // Reads at 19:05 and 19:40: 19:00 waits least.
  EXPECT_EQ(soonest_read_slot({at(19, 5), at(19, 40)}, at(9), at(20)), at(19));
  // A read after the window closes is soonest from the window's last hour.
  EXPECT_EQ(soonest_read_slot({at(22, 30)}, at(9), at(20)), at(19));
  // A read before the window opens (07:00) comes soonest after the window's last slot, the
  // evening before it.
  EXPECT_EQ(soonest_read_slot({at(7)}, at(9), at(20)), at(19));
  // Two readers: 11:05 and 19:05; from 11:00 the waits are 5 and 485 minutes, from 19:00 they
  // are 965 and 5.
  EXPECT_EQ(soonest_read_slot({at(11, 5), at(19, 5)}, at(9), at(20)), at(11));
  EXPECT_FALSE(soonest_read_slot({}, at(9), at(20)).has_value());
}

TEST(SendHourTest, SlotsStartAtTheWindowAndEveryFullHourInside) {
  // A window opening at 09:30: its slots are 09:30, 10:00, 11:00...
  EXPECT_EQ(soonest_read_slot({at(9, 40)}, at(9, 30), at(20)), at(9, 30));
  EXPECT_EQ(soonest_read_slot({at(10, 10)}, at(9, 30), at(20)), at(10));
  // A window over midnight, 22:00-02:00: a read at 01:15 is soonest from 01:00.
  EXPECT_EQ(soonest_read_slot({at(1, 15)}, at(22), at(2)), at(1));
  // A read at 12:00 is soonest from the last slot, 01:00.
  EXPECT_EQ(soonest_read_slot({at(12)}, at(22), at(2)), at(1));
}

TEST(SendHourTest, ThePlanIsLaterTodayOrNowNeverPastTheWindow) {
  const std::int64_t minute = 60'000;
  const std::int64_t ten = 1'000'000 * minute + 17'000;  // 10:00:17 shop-local, say
  // Queued at 10:00 for 19:00: 540 minutes on, to the whole minute.
  EXPECT_EQ(planned_instant(ten, at(10), at(19), at(9)), ten - 17'000 + 540 * minute);
  // The slot is now, or has passed: now.
  EXPECT_EQ(planned_instant(ten, at(10), at(10), at(9)), ten);
  EXPECT_EQ(planned_instant(ten, at(10), at(9), at(9)), ten);
  // Over midnight: queued at 23:00 for 01:00 is two hours on.
  EXPECT_EQ(planned_instant(ten, at(23), at(1), at(22)), ten - 17'000 + 120 * minute);
}

TEST(SendHourTest, TheWindowIsEndingInItsLastMinutes) {
  EXPECT_FALSE(window_ending(at(18, 59), at(9), at(20), 60));
  EXPECT_TRUE(window_ending(at(19), at(9), at(20), 60));
  EXPECT_TRUE(window_ending(at(19, 59), at(9), at(20), 60));
  EXPECT_FALSE(window_ending(at(23), at(22), at(2), 60));
  EXPECT_TRUE(window_ending(at(1, 30), at(22), at(2), 60));
}

}  // namespace
}  // namespace rx::messaging
