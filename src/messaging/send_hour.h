#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace rx::messaging {

// When in the shop's send window a WhatsApp reminder goes out, learned from read receipts.
//
// The window [start, end) is in shop-local minutes of the day (end before start: it runs over
// midnight). Its send slots start at `start` and at every full hour after it inside the window.
// A slot's wait for a read is the time from the slot's start to the read's shop-local time of
// day (the next day's when that time has passed); the best slot is the one with the least mean
// wait over the reads, the earliest among equals. Empty without reads or slots.
std::optional<int> soonest_read_slot(const std::vector<int>& read_minutes, int window_start,
                                     int window_end);

// The instant to send at, for a message queued at `now_ms` (inside the window, at shop-local
// minute `now_minute`) whose best slot starts at shop-local minute `slot`: that minute later in
// today's window, or now when it has come or passed (nothing is held for a slot already gone,
// nor past the window). `now_ms` is taken to the whole minute first.
std::int64_t planned_instant(std::int64_t now_ms, int now_minute, int slot, int window_start);

// Whether the window ends within `margin_minutes` of shop-local minute `now_minute` (inside
// it): the sender's last chance today, when every queued message goes whatever its plan.
bool window_ending(int now_minute, int window_start, int window_end, int margin_minutes);

}  // namespace rx::messaging
