#pragma once

#include "reports/reports.h"

#include <nlohmann/json.hpp>

#include <string_view>

// The JSON of each report, exactly as the reports contract spells it. Pure: nothing here
// throws.
namespace rx::reports {

nlohmann::json to_json(const ConversionReport& report, std::string_view time_zone);
nlohmann::json to_json(const RefillReport& report);
nlohmann::json to_json(const AdherenceReport& report);
nlohmann::json to_json(const CustomerReport& report);
nlohmann::json to_json(const TimeseriesReport& report);

}  // namespace rx::reports
