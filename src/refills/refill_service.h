#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <vector>

namespace rx::refills {

struct RefillPage {
  std::vector<RefillReminder> items;
  std::int64_t total = 0;
  std::string today;  // the shop's date the list was made for
};

// The daily refill list and what staff record on it. Every call reads and writes the signed-in
// shop's reminders only; database failures are thrown as core::AppError (storage/driver_error.h).
class RefillService {
 public:
  RefillService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Without filters: pending reminders due today or earlier in the shop's time zone.
  RefillPage list(const auth::Principal& actor, RefillFilter filter, bool default_window,
                  std::int64_t limit, std::int64_t offset, RefillSort sort = RefillSort::kRemindOn);
  // Throws AppError(kNotFound) when the shop has no such reminder, AppError(kConflict) when it
  // is refilled or cancelled already.
  RefillReminder mark_sent(const auth::Principal& actor, core::RefillReminderId id,
                           RefillChannel channel, const std::optional<std::string>& note);
  // Throws AppError(kNotFound) when the shop has no such reminder, AppError(kConflict) when it
  // is refilled or cancelled already.
  RefillReminder respond(const auth::Principal& actor, core::RefillReminderId id,
                         RefillResponse response, const std::optional<std::string>& note);
  // Cancelling a cancelled reminder changes nothing. Throws AppError(kNotFound) when the shop
  // has no such reminder, AppError(kConflict) when it is refilled.
  RefillReminder cancel(const auth::Principal& actor, core::RefillReminderId id);
  std::string today(const auth::Principal& actor) const;

 private:
  RefillReminder open_reminder(storage::Connection& c, const auth::Principal& actor,
                               core::RefillReminderId id, bool allow_closed);

  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::refills
