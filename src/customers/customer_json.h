#pragma once

#include "customers/customer_service.h"

#include <nlohmann/json.hpp>

namespace rx::customers {

nlohmann::json to_json(const Customer& customer, std::string_view time_zone);
nlohmann::json to_json(const CustomerDetail& detail, std::string_view time_zone);
nlohmann::json to_json(const std::vector<ConsentEvent>& history, std::string_view time_zone);

}  // namespace rx::customers
