#pragma once

#include "auth/principal.h"
#include "core/clock.h"
#include "messaging/messaging_settings.h"
#include "storage/database.h"

namespace rx::messaging {

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
