#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "pickups/pickup_repository.h"
#include "storage/database.h"

#include <vector>

namespace rx::pickups {

struct PickupPage {
  std::vector<Pickup> items;
  std::int64_t total = 0;
};

// The counter's Keep ready list: medicines customers asked, by replying to a refill reminder, to
// be kept for them. Every role may read it and mark a pickup ready or cancel it; every call
// reads and writes the signed-in shop's pickups only. Database failures are thrown as
// core::AppError (storage/driver_error.h).
class PickupService {
 public:
  PickupService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  PickupPage list(const auth::Principal& actor, const PickupFilter& filter, std::int64_t limit,
                  std::int64_t offset);
  // The medicine is set aside: waiting -> ready (a ready pickup stays as it is). Throws
  // AppError(kNotFound) when the shop has no such pickup, AppError(kConflict) when it is
  // collected or cancelled.
  Pickup ready(const auth::Principal& actor, PickupId id);
  // waiting or ready -> cancelled (a cancelled pickup stays as it is). Throws
  // AppError(kNotFound) when the shop has no such pickup, AppError(kConflict) when it is
  // collected.
  Pickup cancel(const auth::Principal& actor, PickupId id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::pickups
