#pragma once

#include "messaging/inbound_message.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

// entry[].changes[].value.statuses[]: what became of a message the shop sent.
struct StatusReport {
  std::string message_id;  // wamid...
  std::string status;      // sent, delivered, read, failed
  std::int64_t at_ms = 0;  // 0 when the payload had no timestamp
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
};

struct WebhookPayload {
  std::vector<StatusReport> statuses;
  std::vector<InboundMessage> messages;  // entry[].changes[].value.messages[]
};

// Reads the parts of a Cloud API webhook rxtrack acts on; anything else is ignored, and entries
// without an id are skipped.
WebhookPayload read_webhook_payload(const nlohmann::json& body);

}  // namespace rx::messaging
