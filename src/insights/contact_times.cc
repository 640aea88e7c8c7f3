#include "insights/contact_times.h"

#include <algorithm>
#include <stdexcept>

namespace rx::insights {
namespace {

std::size_t index_of(int weekday, int hour) {
  if (weekday < 1 || weekday > 7 || hour < 0 || hour > 23) {
    throw std::out_of_range("weekday or hour out of range");
  }
  return static_cast<std::size_t>((weekday - 1) * 24 + hour);
}

CallCounts pooled(const WeekHourCounts& counts, std::optional<int> weekday, int start, int end) {
  CallCounts sum;
  for (int day = 1; day <= 7; ++day) {
    if (weekday && *weekday != day) continue;
    for (int hour = start; hour < end; ++hour) {
      sum.attempts += counts.at(day, hour).attempts;
      sum.reached += counts.at(day, hour).reached;
    }
  }
  return sum;
}

bool overlap(const TimeWindow& a, const TimeWindow& b) {
  const bool days_meet = !a.weekday || !b.weekday || *a.weekday == *b.weekday;
  return days_meet && a.start_hour < b.end_hour && b.start_hour < a.end_hour;
}

}  // namespace

void WeekHourCounts::add(int weekday, int hour, bool reached) {
  CallCounts& cell = cells_[index_of(weekday, hour)];
  ++cell.attempts;
  if (reached) ++cell.reached;
}

const CallCounts& WeekHourCounts::at(int weekday, int hour) const {
  return cells_[index_of(weekday, hour)];
}

CallCounts WeekHourCounts::total() const {
  CallCounts sum;
  for (const CallCounts& c : cells_) {
    sum.attempts += c.attempts;
    sum.reached += c.reached;
  }
  return sum;
}

std::vector<TimeWindow> best_windows(const WeekHourCounts& counts, const CallWindow& window,
                                     double prior_rate, double prior_strength, int how_many) {
  if (window.start_hour < 0 || window.end_hour > 24 || window.start_hour >= window.end_hour) {
    throw std::invalid_argument("call window out of range");
  }
  std::vector<TimeWindow> candidates;
  const std::optional<int> days[] = {std::nullopt, 1, 2, 3, 4, 5, 6, 7};
  for (const std::optional<int>& day : days) {
    for (int start = window.start_hour; start < window.end_hour; ++start) {
      for (int length = 1; length <= 3 && start + length <= window.end_hour; ++length) {
        const CallCounts c = pooled(counts, day, start, start + length);
        if (c.attempts == 0) continue;  // a window nobody called says nothing of itself
        candidates.push_back({day, start, start + length,
                              posterior_mean(c.reached, c.attempts, prior_rate, prior_strength),
                              c.attempts});
      }
    }
  }
  // Best rate first; among equals the one with more evidence, then the narrower (an hour nobody
  // called adds nothing to a window), then one weekday before every day (the same calls on one
  // day do not show a habit of every day), then the earlier, for a stable answer.
  std::stable_sort(candidates.begin(), candidates.end(), [](const auto& a, const auto& b) {
    if (a.rate != b.rate) return a.rate > b.rate;
    if (a.attempts != b.attempts) return a.attempts > b.attempts;
    if (a.end_hour - a.start_hour != b.end_hour - b.start_hour) {
      return a.end_hour - a.start_hour < b.end_hour - b.start_hour;
    }
    return a.weekday.has_value() && !b.weekday.has_value();
  });
  std::vector<TimeWindow> chosen;
  for (const TimeWindow& c : candidates) {
    if (static_cast<int>(chosen.size()) >= how_many) break;
    if (std::none_of(chosen.begin(), chosen.end(),
                     [&](const TimeWindow& t) { return overlap(t, c); })) {
      chosen.push_back(c);
    }
  }
  return chosen;
}

std::optional<TimeWindow> contact_best_window(const WeekHourCounts& own, const WeekHourCounts& shop,
                                              const CallWindow& window, double shop_prior) {
  if (window.start_hour < 0 || window.end_hour > 24 || window.start_hour >= window.end_hour) {
    throw std::invalid_argument("call window out of range");
  }
  std::optional<TimeWindow> best;
  std::int64_t best_own_attempts = 0;
  for (int start = window.start_hour; start < window.end_hour; ++start) {
    for (int length = 1; length <= 3 && start + length <= window.end_hour; ++length) {
      const CallCounts mine = pooled(own, std::nullopt, start, start + length);
      const CallCounts shops = pooled(shop, std::nullopt, start, start + length);
      if (mine.attempts == 0 && shops.attempts == 0) continue;
      const double prior =
          posterior_mean(shops.reached, shops.attempts, shop_prior, kPriorStrength);
      const double rate = posterior_mean(mine.reached, mine.attempts, prior, kContactPriorStrength);
      // Best rate first; among equals the one with more of the contact's own calls, then the
      // narrower, then the earlier (the loops' order).
      const bool better =
          !best || rate > best->rate ||
          (rate == best->rate &&
           (mine.attempts > best_own_attempts ||
            (mine.attempts == best_own_attempts && length < best->end_hour - best->start_hour)));
      if (better) {
        best = TimeWindow{std::nullopt, start, start + length, rate, mine.attempts};
        best_own_attempts = mine.attempts;
      }
    }
  }
  return best;
}

ContactTimes summarise_contact_times(const WeekHourCounts& counts, const CallWindow& window) {
  ContactTimes out;
  out.overall = counts.total();
  // The shop's own rate under a flat Beta(1, 1) prior: a new shop starts at one half.
  out.overall_estimate = beta_posterior(out.overall.reached, out.overall.attempts, 0.5, 2);
  const double prior = out.overall_estimate.rate;
  out.cells.reserve(7 * 24);
  for (int day = 1; day <= 7; ++day) {
    for (int hour = 0; hour < 24; ++hour) {
      const CallCounts& c = counts.at(day, hour);
      out.cells.push_back(
          {day, hour, c, beta_posterior(c.reached, c.attempts, prior, kPriorStrength)});
    }
  }
  out.best = best_windows(counts, window, prior, kPriorStrength, 3);
  return out;
}

}  // namespace rx::insights
