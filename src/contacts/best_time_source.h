#pragma once

#include "contacts/contact_types.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"

#include <span>

namespace rx::contacts {

// Where the contact list and detail get each contact's best time to call. The contacts folder
// only asks; the insights learn it (insights_api::BestTimeService, wired by the app).
class BestTimeSource {
 public:
  virtual ~BestTimeSource() = default;
  // Sets best_time on each of `contacts`, all of the actor's shop. Throws the driver's failures
  // (storage/driver_error.h).
  virtual void fill(const auth::Principal& actor, std::span<Contact> contacts) = 0;
  // A call was logged in `shop`: its figures are read afresh on the next fill. Throws nothing.
  virtual void calls_changed(core::ShopId shop) noexcept = 0;
};

}  // namespace rx::contacts
