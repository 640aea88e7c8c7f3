#pragma once

#include "core/clock.h"
#include "messaging/sms_inbound_payload.h"
#include "storage/database.h"

#include <optional>
#include <string>

namespace rx::messaging {

// MSG91's inbound-SMS callback for one shop, named by the shop's SMS webhook key (its own key,
// not the WhatsApp webhook's). MSG91 cannot sign its callbacks, so the unguessable key in the
// URL is what authenticates them.
class SmsWebhookService {
 public:
  SmsWebhookService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // `fields` are the callback's query string and form fields; `json_body`, when the request
  // carried JSON, adds the fields of that object (over the others). Throws
  // AppError(kNotFound) for a key that is not the SMS key of a shop (current, or previous within
  // 24 hours of a rotation), checked before anything else is read; AppError(kBadRequest) for a
  // body that is not a JSON object or fields that are not an inbound SMS. The SMS is stored once (a
  // redelivery answers 0) and acted on like a WhatsApp reply: STOP or a shop keyword opts the
  // customer out, anything else is logged. The number is read in the shop's phone region.
  int receive(const std::string& webhook_key, CallbackFields fields,
              const std::optional<std::string>& json_body);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging
