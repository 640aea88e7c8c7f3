#pragma once

#include "core/clock.h"
#include "messaging/messaging_settings.h"
#include "messaging/outreach_repository.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>

namespace rx::messaging {

// The instant the shop's send window that is open at `now_ms` opened (shop-local, to the
// minute), or nullopt when the window is closed now (or unreadable).
std::optional<std::int64_t> send_window_opened_at(const MessagingSettings& settings,
                                                  const ShopClock& shop, std::int64_t now_ms);

// Look before sending: whatever awaits approval past the end of the send window it was queued in
// becomes expired, in one conditional update (MessageRepository::expire_awaiting), so a manager's
// approval racing with it takes each row or leaves it, never both. While the window is open that
// is what was queued before it opened; while it is closed, everything still waiting. The
// reminders of expired rows stay pending with no message under way: they are on the call list.
// Each expiry is one audit entry (no person: "automatic"). Returns how many expired. Database
// failures are thrown as core::AppError (storage/driver_error.h).
int expire_unapproved(storage::Database& db, const ShopClock& shop,
                      const MessagingSettings& settings, std::int64_t now_ms);

}  // namespace rx::messaging
