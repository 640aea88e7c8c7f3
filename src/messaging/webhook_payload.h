#pragma once

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

// entry[].changes[].value.messages[]: a message a WhatsApp user sent the shop.
struct InboundMessage {
  std::string message_id;
  std::optional<std::string> from_phone;    // E.164, when the payload carries the number
  std::optional<std::string> from_user_id;  // business-scoped user id (username users)
  std::optional<std::string> profile_name;
  std::string kind;                 // text, button, interactive, image...
  std::optional<std::string> text;  // the words, for text and button replies
  std::int64_t at_ms = 0;
};

struct WebhookPayload {
  std::vector<StatusReport> statuses;
  std::vector<InboundMessage> messages;
};

// Reads the parts of a Cloud API webhook rxtrack acts on; anything else is ignored, and entries
// without an id are skipped.
WebhookPayload read_webhook_payload(const nlohmann::json& body);

}  // namespace rx::messaging
