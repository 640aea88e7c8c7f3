#pragma once

#include "privacy/privacy_service.h"

#include <nlohmann/json.hpp>

namespace rx::privacy {

nlohmann::json to_json(const CustomerExport& data, std::string_view time_zone);
nlohmann::json to_json(const ErasureResult& result, std::string_view time_zone);

}  // namespace rx::privacy
