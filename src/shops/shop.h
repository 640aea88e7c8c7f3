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
};

}  // namespace rx::shops
