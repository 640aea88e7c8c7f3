#pragma once

#include "billing/bill_service.h"

#include <nlohmann/json.hpp>

namespace rx::billing {

nlohmann::json to_json(const Bill& bill, std::string_view time_zone);
nlohmann::json to_json(const Purchase& purchase);
// The answer to POST /api/bills; `today` is the shop's date (for the reminders' days overdue).
nlohmann::json to_json(const BillResult& result, std::string_view time_zone,
                       std::string_view today);

}  // namespace rx::billing
