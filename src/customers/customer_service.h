#pragma once

#include "billing/bill.h"
#include "contacts/contact_types.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "customers/customer.h"
#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::customers {

struct CustomerPage {
  std::vector<CustomerSummary> items;
  std::int64_t total = 0;
};

struct CustomerDetail {
  Customer customer;
  std::vector<billing::Purchase> purchases;
  std::vector<billing::Bill> bills;
  std::vector<refills::RefillReminder> refill_reminders;
  // The shop's contact record with the customer's phone: whole for owners, managers and the
  // staff member it is assigned to; for any other staff-role caller only its status.
  std::optional<contacts::Contact> contact;
  std::optional<std::string> contact_status_only;
  std::vector<ConsentEvent> consent_history;
  std::string today;
};

class CustomerService {
 public:
  CustomerService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // 409 with the existing id in details when the phone is already a customer of the shop.
  Customer create(const auth::Principal& actor, const CustomerFields& fields);
  CustomerPage list(const auth::Principal& actor, CustomerFilter filter, std::int64_t limit,
                    std::int64_t offset);
  // The customer with their history; audited as a view naming the medical fields it returns.
  CustomerDetail get(const auth::Principal& actor, std::int64_t id);
  Customer update(const auth::Principal& actor, std::int64_t id, const CustomerFields& fields);
  // Any spelling of the number; 422 when it is no phone number, 404 when no customer has it.
  Customer by_phone(const auth::Principal& actor, const std::string& raw_phone);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::customers
