#pragma once

#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "customers/customer.h"
#include "storage/database.h"

#include <string_view>

namespace rx::customers {

// Audit entries for a customer created or changed through `fields` (`before` is null for a new
// customer): one for medical details, one for consent, one for the rest of the profile, each
// naming the fields that changed, never their values. `via` says where ("customer", "bill").
// Throws only the database's errors (as CustomerRepository).
void audit_customer_change(storage::Connection& c, const auth::Principal& who,
                           core::CustomerId customer_id, const CustomerFields& fields,
                           const Customer* before, std::string_view via, std::int64_t now_ms);

}  // namespace rx::customers
