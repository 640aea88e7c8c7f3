#pragma once

#include "refills/refill_reminder.h"

#include <nlohmann/json.hpp>

namespace rx::refills {

// `today` is the shop's date, for days_overdue.
nlohmann::json to_json(const RefillReminder& r, std::string_view time_zone, std::string_view today);

}  // namespace rx::refills
