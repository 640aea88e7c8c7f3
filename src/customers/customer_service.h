#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "customers/customer.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::customers {

struct CustomerPage {
  std::vector<CustomerSummary> items;
  std::int64_t total = 0;
};

// Customers created, listed, changed and found by phone. Every method may also throw the
// database's errors: AppError(kUnavailable) when it is down or busy, kInternal for a bug.
class CustomerService {
 public:
  CustomerService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Throws AppError(kValidation) naming phone and category when either is missing; kConflict,
  // with the existing id in details, when the phone is already a customer of the shop.
  Customer create(const auth::Principal& actor, const CustomerFields& fields);
  // Throws nothing of its own.
  CustomerPage list(const auth::Principal& actor, CustomerFilter filter, std::int64_t limit,
                    std::int64_t offset);
  // Throws AppError(kNotFound) when the shop has no customer `id`; kConflict when they were
  // erased, or (with the existing id) when the new phone is another customer's.
  Customer update(const auth::Principal& actor, core::CustomerId id, const CustomerFields& fields);
  // Any spelling of the number; audited as a view. Throws AppError(kValidation) naming "phone"
  // when it is no phone number, kNotFound when no customer of the shop has it.
  Customer by_phone(const auth::Principal& actor, const std::string& raw_phone);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::customers
