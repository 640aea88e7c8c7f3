#pragma once

#include "refills/refill_reminder.h"

#include "core/json_writer.h"

#include <nlohmann/json.hpp>

namespace rx::refills {

// `today` is the shop's date, for days_overdue. write_json writes straight to text (lists and the
// counter's answers).
void write_json(core::JsonWriter& w, const RefillReminder& r, std::string_view time_zone,
                std::string_view today);
nlohmann::json to_json(const RefillReminder& r, std::string_view time_zone, std::string_view today);

}  // namespace rx::refills
