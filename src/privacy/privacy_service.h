#pragma once

#include "billing/bill.h"
#include "contacts/contact_types.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "customers/customer.h"
#include "privacy/privacy_repository.h"
#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <vector>

namespace rx::privacy {

struct ContactExport {
  contacts::Contact contact;
  std::vector<contacts::Interaction> interactions;
  std::vector<contacts::FollowUp> follow_ups;
};

// Everything the shop holds about one customer (DPDP Act 2023: the right to access).
struct CustomerExport {
  customers::Customer customer;
  std::vector<ConsentEvent> consent_events;
  std::vector<billing::Bill> bills;  // each with its items
  std::vector<billing::Purchase> purchases;
  std::vector<refills::RefillReminder> refill_reminders;
  std::vector<ContactExport> contacts;
  std::vector<MessageRecord> messages;
  std::int64_t exported_at = 0;
  std::string today;
};

struct ErasureResult {
  std::int64_t customer_id = 0;
  std::int64_t erased_at = 0;
  std::int64_t bills_kept = 0;
  std::int64_t refill_reminders_cancelled = 0;
  std::int64_t contact_records_erased = 0;
};

// A customer's data export and erasure; owners only (the routes check), both audited.
class PrivacyService {
 public:
  PrivacyService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Throws AppError(kNotFound) when `customer_id` is no customer of the actor's shop.
  CustomerExport export_customer(const auth::Principal& actor, std::int64_t customer_id);
  // In one transaction: personal and medical details removed, consent withdrawn, open refill
  // reminders cancelled, bills kept with their amounts. Throws AppError(kNotFound) as
  // export_customer(), AppError(kConflict) when the customer was already erased.
  ErasureResult erase_customer(const auth::Principal& actor, std::int64_t customer_id);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::privacy
