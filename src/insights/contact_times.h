#pragma once

#include "insights/rate_estimate.h"

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace rx::insights {

// Calls counted by the shop-local weekday (ISO: Monday = 1 ... Sunday = 7) and hour they were
// made: how often someone picked up.
struct CallCounts {
  std::int64_t attempts = 0;
  std::int64_t reached = 0;
};

class WeekHourCounts {
 public:
  // Throws std::out_of_range for a weekday outside 1..7 or an hour outside 0..23.
  void add(int weekday, int hour, bool reached);
  const CallCounts& at(int weekday, int hour) const;
  CallCounts total() const;

 private:
  std::array<CallCounts, 7 * 24> cells_{};
};

// The hours a shop calls in, shop-local: [start_hour, end_hour), 0 <= start < end <= 24.
struct CallWindow {
  int start_hour = 9;
  int end_hour = 21;
};

struct HourCell {
  int weekday = 1;
  int hour = 0;
  CallCounts counts;
  RateEstimate estimate;
};

// A stretch of 1 to 3 consecutive hours, on one weekday or (weekday empty) on every day.
struct TimeWindow {
  std::optional<int> weekday;
  int start_hour = 0;
  int end_hour = 0;  // exclusive
  double rate = 0;   // posterior mean reach rate
  std::int64_t attempts = 0;
};

// The prior every cell and window starts from: the shop's overall rate, weighted as this many
// attempts, so a cell of two calls says little and one of two hundred says much.
inline constexpr double kPriorStrength = 10;

struct ContactTimes {
  CallCounts overall;
  RateEstimate overall_estimate;  // the shop's rate, under a flat prior
  std::vector<HourCell> cells;    // 168: weekday 1..7, then hour 0..23
  std::vector<TimeWindow> best;   // at most 3, best first, not overlapping
};

// Shrinks every cell towards the shop's rate and picks the best windows inside `window`.
ContactTimes summarise_contact_times(const WeekHourCounts& counts, const CallWindow& window);

// The best windows (at most `how_many`, best first, no two sharing an hour of a day) among the
// windows of 1 to 3 hours inside `window`, each scored by its posterior mean under a prior at
// `prior_rate`. Weekday-specific windows and every-day windows compete.
std::vector<TimeWindow> best_windows(const WeekHourCounts& counts, const CallWindow& window,
                                     double prior_rate, double prior_strength, int how_many);

// How far one contact's own calls move it from the shop: its calls weigh against a prior of
// this many attempts at the shop's rate for the same hours, so three pickups of three at an hour
// outweigh the shop's figure there.
inline constexpr double kContactPriorStrength = 2;

// The contact's best every-day window of 1 to 3 hours inside `window`: each window's rate is the
// contact's own calls there, shrunk towards the shop's posterior rate for the same hours (which
// is itself shrunk towards `shop_prior`). Hours the contact was never called keep the shop's
// rate, so a contact that never picks up in the morning is steered to the shop's other good
// hours. Weekday-specific windows are not offered: a handful of calls shows no weekly habit.
// Empty only when neither the contact nor the shop has a call inside `window`. Throws
// std::invalid_argument for a window out of range, as best_windows.
std::optional<TimeWindow> contact_best_window(const WeekHourCounts& own, const WeekHourCounts& shop,
                                              const CallWindow& window, double shop_prior);

}  // namespace rx::insights
