#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace rx::bench {

// How big a generated database is. The totals are over all shops; every shop gets the same
// share. Bills and interactions are per shop: enough for refill reminders, conversions and
// timelines to exist, few enough that the API part takes seconds, not minutes.
struct Scale {
  int shops = 10;
  std::int64_t contacts = 100'000;
  int staff_per_shop = 4;
  int bills_per_shop = 500;
  int interactions_per_shop = 300;
};

// "smoke" (2 tiny shops, for CI), "small" (100k contacts), "full" (1M contacts) or "soak" (4
// shops of 10k contacts with 4 staff each, for the load test).
std::optional<Scale> scale_named(std::string_view name);

}  // namespace rx::bench
