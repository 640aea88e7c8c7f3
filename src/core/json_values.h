#pragma once

#include "core/json_writer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::core {

// JSON null for an absent value, the value otherwise; instants in the shop's zone.
nlohmann::json nullable(const std::optional<std::string>& value);
nlohmann::json nullable(const std::optional<std::int64_t>& value);
nlohmann::json nullable_instant(const std::optional<std::int64_t>& epoch_ms,
                                std::string_view time_zone);

// The same for answers written with JsonWriter: `name` then the instant in the shop's zone, or
// null.
void write_instant(JsonWriter& w, JsonKey name, const std::optional<std::int64_t>& epoch_ms,
                   std::string_view time_zone);

}  // namespace rx::core
