#pragma once

#include "core/clock.h"
#include "messaging/outbox_sender.h"
#include "storage/database.h"

#include <string>

namespace rx::messaging {

// One pass of the reminder scheduler over every shop, in each shop's time zone: rows abandoned
// mid-send become "interrupted"; rows left unapproved past their send window expire onto the
// call list (approval_expiry.h); then, inside the shop's send window, due refill reminders are
// queued (WhatsApp, else SMS; awaiting approval for a shop in review mode) and every due,
// queued outbox row is sent: a WhatsApp reminder planned for a later hour of the window waits
// for it, unless the window ends within the hour. `rxtrack remind` runs one pass;
// `rxtrack serve` runs one every interval on a thread of its own.
class RemindPass {
 public:
  RemindPass(storage::Database& db, const core::Clock& clock, std::string worker)
      : db_(db), clock_(clock), sender_(db, clock, std::move(worker)) {}

  // Throws only if the shops cannot be listed; a failing shop is logged and the pass goes on.
  PassCounts run();

 private:
  void run_shop(const ShopClock& shop, PassCounts& counts);

  storage::Database& db_;
  const core::Clock& clock_;
  OutboxSender sender_;
};

}  // namespace rx::messaging
