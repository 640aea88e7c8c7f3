#pragma once

// The customer detail page: the customer with their purchases, bills, refill reminders, contact
// record and consent history. It joins customers to billing, so it lives beside billing, which
// depends on customers; customers/ knows nothing of bills.

#include "billing/bill.h"
#include "contacts/contact_types.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "customers/customer.h"
#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::billing {

struct CustomerDetail {
  customers::Customer customer;
  std::vector<Purchase> purchases;
  std::vector<Bill> bills;
  std::vector<refills::RefillReminder> refill_reminders;
  // The shop's contact record with the customer's phone: whole for owners, managers and the
  // staff member it is assigned to; for any other staff-role caller only its status.
  std::optional<contacts::Contact> contact;
  std::optional<std::string> contact_status_only;
  std::vector<customers::ConsentEvent> consent_history;
  std::string today;
};

class CustomerDetailService {
 public:
  CustomerDetailService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // The customer with their history; audited as a view naming the medical fields it returns.
  // Throws AppError(kNotFound) when the shop has no customer `id`.
  CustomerDetail get(const auth::Principal& actor, core::CustomerId id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::billing
