#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace rx::test {

// One line of POST /api/bills' "items": duration_days only when above 0 (no refill without
// it), is_generic only when true (the API's default is false).
inline nlohmann::json bill_item(const std::string& medicine, int quantity,
                                std::int64_t unit_price_paise, int duration_days = 0,
                                bool generic = false) {
  nlohmann::json out = {
      {"medicine", medicine}, {"quantity", quantity}, {"unit_price_paise", unit_price_paise}};
  if (duration_days > 0) out["duration_days"] = duration_days;
  if (generic) out["is_generic"] = true;
  return out;
}

}  // namespace rx::test
