#pragma once

#include "billing/bill.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "customers/customer.h"
#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::billing {

struct Conversion {
  std::int64_t contact_id = 0;
  std::int64_t value_paise = 0;
  std::int64_t converted_at = 0;
};

struct BillResult {
  Bill bill;
  customers::Customer customer;
  bool customer_created = false;
  std::optional<Conversion> conversion;
  std::optional<std::int64_t> yellow_contact_id;
  std::vector<refills::RefillReminder> reminders;   // created by this bill
  std::vector<std::int64_t> refilled_reminder_ids;  // closed by this bill
  std::vector<std::int64_t> collected_pickup_ids;   // the customer's Keep ready pickups it closed
  std::string today;                                // the shop's date when it was made
};

// What the counter sees once the phone finds a customer: the profile with its medical notes
// (allergies, chronic conditions, notes), the open refill reminders and the last purchases.
struct CounterView {
  customers::Customer customer;
  std::vector<refills::RefillReminder> open_refill_reminders;  // by remind_on
  std::vector<Purchase> last_purchases;                        // newest first
  std::string today;
};

struct BillPage {
  std::vector<Bill> items;
  std::int64_t total = 0;
};

// The counter: one bill, in one transaction, creates or updates the customer, records the
// purchases, converts the shop's contact record for the phone, and schedules refill reminders.
// Every method may also throw the database's errors: AppError(kUnavailable) when it is down or
// busy, kInternal for a bug.
class BillService {
 public:
  BillService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Plans the bill (billing/bill_plan.h) and applies it in one rerunnable write.
  // Throws AppError(kForbidden) when a staff-role caller back-dates (sets billed_at);
  // kValidation naming billed_at, customer.phone, items or customer_category (plan_lines,
  // plan_bill); kConflict when the customer's phone keeps losing a race with another writer.
  BillResult create(const auth::Principal& actor, const BillInput& input);
  // Throws AppError(kNotFound) when the shop has no bill `id`.
  Bill get(const auth::Principal& actor, core::BillId id);
  // Throws nothing of its own.
  BillPage list(const auth::Principal& actor, const BillFilter& filter, std::int64_t limit,
                std::int64_t offset);
  // Any spelling of the number. Recorded in the audit log as a view of the customer (via the
  // counter). Throws AppError(kValidation) naming "phone" when it is no phone number,
  // kNotFound when no customer of the shop has it.
  CounterView counter_view(const auth::Principal& actor, const std::string& raw_phone);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::billing
