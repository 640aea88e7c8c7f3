#include "messaging/send_hour.h"

namespace rx::messaging {
namespace {

constexpr int kDay = 24 * 60;

int since(int minute, int origin) { return ((minute - origin) % kDay + kDay) % kDay; }

int window_length(int start, int end) {
  const int length = since(end, start);
  return length == 0 ? kDay : length;
}

}  // namespace

std::optional<int> soonest_read_slot(const std::vector<int>& read_minutes, int window_start,
                                     int window_end) {
  if (read_minutes.empty()) return std::nullopt;
  const int length = window_length(window_start, window_end);
  std::optional<int> best;
  std::int64_t best_wait = 0;
  // Slot offsets from the window's start: 0, then each full hour after it.
  for (int offset = 0; offset < length;
       offset = offset == 0 ? 60 - window_start % 60 : offset + 60) {
    const int slot = (window_start + offset) % kDay;
    std::int64_t wait = 0;
    for (int read : read_minutes) wait += since(read, slot);
    if (!best || wait < best_wait) {
      best = slot;
      best_wait = wait;
    }
  }
  return best;
}

std::int64_t planned_instant(std::int64_t now_ms, int now_minute, int slot, int window_start) {
  const std::int64_t minute_ms = 60 * 1000;
  const std::int64_t whole_minute = now_ms - ((now_ms % minute_ms) + minute_ms) % minute_ms;
  const int ahead = since(slot, window_start) - since(now_minute, window_start);
  return ahead <= 0 ? now_ms : whole_minute + ahead * minute_ms;
}

bool window_ending(int now_minute, int window_start, int window_end, int margin_minutes) {
  const int length = window_length(window_start, window_end);
  return length - since(now_minute, window_start) <= margin_minutes;
}

}  // namespace rx::messaging
