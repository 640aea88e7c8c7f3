#pragma once

#include "messaging/message.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::messaging {

// An outbox row for GET /api/messages (the template's parameters stay out: they may name a
// medicine).
nlohmann::json to_json(const Message& message, std::string_view time_zone);

}  // namespace rx::messaging
