#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "messaging/messaging_settings.h"
#include "messaging/webhook_key_repository.h"
#include "storage/database.h"

#include <string>

namespace rx::messaging {

// The settings of the shop whose `channel` webhook URL holds `webhook_key` (its current key, or
// its previous key within 24 hours of the rotation); 404 when no shop has the key for that
// channel (AppError(kNotFound)). Public webhooks start here, before they read anything else of
// the request.
MessagingSettings settings_for_webhook_key(storage::Database& db, WebhookChannel channel,
                                           const std::string& webhook_key, std::int64_t now_ms);

// The shop's messaging settings: read by owners and managers, changed by the owner (the
// routes check roles and leave the webhook keys out of a manager's view).
class MessagingSettingsService {
 public:
  MessagingSettingsService(storage::Database& db, const core::Clock& clock)
      : db_(db), clock_(clock) {}

  // Throws AppError(kNotFound) when the signed-in shop is gone.
  MessagingSettings get(const auth::Principal& actor);
  // Throws AppError(kValidation) naming the field for a provider URL the policy refuses or an
  // empty send window, AppError(kNotFound) when the shop is gone, AppError(kInternal) when a
  // secret is to be stored and no secret key is installed.
  MessagingSettings update(const auth::Principal& actor, const MessagingSettingsChanges& changes);
  // A fresh key for the channel's callback URL; the key it replaces is accepted for 24 more
  // hours, and a key rotated out before that stops being accepted now. Answers the settings.
  // Throws AppError(kNotFound) when the shop is gone.
  MessagingSettings rotate_webhook_key(const auth::Principal& actor, WebhookChannel channel);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging
