#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "storage/database.h"

#include <optional>

namespace rx::customers {

// The person a do-not-contact mark was lifted from: the contact record and the customer with
// the phone, whichever exist.
struct DoNotContactLifted {
  std::optional<core::ContactId> contact_id;
  std::optional<core::CustomerId> customer_id;
};

// Lifting the do-not-contact mark (set by the outcome do_not_call, see ContactService), from
// the contact and the customer with the same phone at once, in one transaction with its audit
// entry (contact.do_not_contact_lift, the mark before and after). Lifting an unmarked person
// changes nothing and is not audited.
//
// Failures: kForbidden unless the actor is an owner; kNotFound for an id not in the actor's
// shop; and what the repositories throw for a database failure (kUnavailable, kInternal).
class DoNotContactService {
 public:
  DoNotContactService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  DoNotContactLifted lift_for_contact(const auth::Principal& actor, core::ContactId id);
  DoNotContactLifted lift_for_customer(const auth::Principal& actor, core::CustomerId id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::customers
