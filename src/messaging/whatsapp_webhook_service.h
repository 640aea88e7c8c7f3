#pragma once

#include "core/clock.h"
#include "messaging/messaging_settings.h"
#include "messaging/webhook_payload.h"
#include "storage/database.h"

#include <optional>
#include <string>

namespace rx::messaging {

struct HandshakeRequest {
  std::string mode;
  std::string verify_token;
  std::string challenge;
};

struct WebhookReceipt {
  int statuses_applied = 0;  // status reports that moved an outbox row forward
  int messages_stored = 0;   // inbound messages seen for the first time
};

// The Cloud API webhook of one shop, named by the shop's WhatsApp webhook key (its current key,
// or its previous key within 24 hours of a rotation; any other key is answered 404).
class WhatsappWebhookService {
 public:
  WhatsappWebhookService(storage::Database& db, const core::Clock& clock)
      : db_(db), clock_(clock) {}

  // The challenge to echo when the mode is "subscribe" and the verify token is the shop's;
  // nullopt otherwise. Throws AppError(kNotFound) for an unknown key.
  std::optional<std::string> handshake(const std::string& webhook_key,
                                       const HandshakeRequest& request);
  // Throws AppError(kNotFound) for an unknown key; AppError(kUnauthorized) unless
  // X-Hub-Signature-256 is the HMAC-SHA256 of the raw body with the shop's app secret (nothing
  // is read or changed before that); AppError(kBadRequest) for a body that is not JSON. Status
  // reports update the outbox; inbound replies opt out or are logged.
  WebhookReceipt receive(const std::string& webhook_key, const std::string& signature_header,
                         const std::string& raw_body);

 private:
  bool apply_status(storage::Connection& c, core::ShopId shop, const StatusReport& report,
                    std::int64_t now_ms);

  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging
