#pragma once

#include "pickups/pickup.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::pickups {

// Instants as ISO text in the shop's time zone.
nlohmann::json to_json(const Pickup& p, std::string_view time_zone);

}  // namespace rx::pickups
