#pragma once

#include <cstdint>
#include <string>

namespace rx::shops {

struct Shop {
  std::int64_t id = 0;
  std::string name;
  std::string phone_region = "IN";
  std::string time_zone = "Asia/Kolkata";
  int refill_lead_days = 5;
  // The hours the shop calls in, shop-local [start, end), 0 <= start < end <= 24: the best
  // times to reach contacts are sought inside them.
  int call_window_start = 9;
  int call_window_end = 21;
};

}  // namespace rx::shops
