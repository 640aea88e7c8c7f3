#include "core/json_values.h"

#include "core/time_zone.h"

namespace rx::core {

nlohmann::json nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json nullable(const std::optional<std::int64_t>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

nlohmann::json nullable_instant(const std::optional<std::int64_t>& epoch_ms,
                                std::string_view time_zone) {
  return epoch_ms ? nlohmann::json(format_instant(*epoch_ms, time_zone)) : nlohmann::json();
}

void write_instant(JsonWriter& w, JsonKey name, const std::optional<std::int64_t>& epoch_ms,
                   std::string_view time_zone) {
  w.key(name);
  if (epoch_ms) {
    // The text is digits and punctuation: nothing to escape.
    InstantBuffer text;
    w.raw_string(format_instant(*epoch_ms, time_zone, text));
  } else {
    w.null();
  }
}

}  // namespace rx::core
