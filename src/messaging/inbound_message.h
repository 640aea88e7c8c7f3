#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace rx::messaging {

// A message someone sent the shop: a WhatsApp message from the Cloud API webhook, or an SMS to
// the shop's MSG91 virtual number.
struct InboundMessage {
  std::string message_id;                   // the provider's id: our key against redeliveries
  std::optional<std::string> from_phone;    // E.164 when the payload carries a usable number
  std::optional<std::string> from_user_id;  // WhatsApp business-scoped user id (username users)
  std::optional<std::string> profile_name;
  std::string kind;                 // text, button, interactive, image... (an SMS is text)
  std::optional<std::string> text;  // the words, for text and button replies
  // A tapped button's payload: a template quick-reply's `button.payload`, or an interactive
  // `button_reply.id`.
  std::optional<std::string> button_payload;
  // The provider id of the message this one replies to (WhatsApp `context.id`).
  std::optional<std::string> context_message_id;
  std::int64_t at_ms = 0;  // when it was sent; 0 when the payload does not say
};

}  // namespace rx::messaging
