#pragma once

#include "auth/principal.h"
#include "core/clock.h"
#include "messaging/messaging_settings.h"
#include "storage/database.h"

#include <string>

namespace rx::messaging {

// The settings of the shop a webhook URL names by its key; 404 when no shop has the key. Public
// webhooks start here, before they read anything else of the request.
MessagingSettings settings_for_webhook_key(storage::Database& db, const std::string& webhook_key);

// The shop's messaging settings: read by owners and managers, changed by the owner (the
// routes check roles).
class MessagingSettingsService {
 public:
  MessagingSettingsService(storage::Database& db, const core::Clock& clock)
      : db_(db), clock_(clock) {}

  MessagingSettings get(const auth::Principal& actor);
  MessagingSettings update(const auth::Principal& actor, const MessagingSettingsChanges& changes);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging
