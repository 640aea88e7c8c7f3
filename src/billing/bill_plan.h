#pragma once

// A bill as the rules it applies, apart from the database: what the counter's request will
// change, decided from the request, the customer and the contact record the phone finds, and
// the shop's settings. BillService reads those, plans, then applies the plan statement by
// statement (bill_service.cc). Both functions are pure: they read no clock and no database.

#include "automation/refill_cadence.h"
#include "billing/bill.h"
#include "contacts/contact_types.h"
#include "core/strong_id.h"
#include "customers/customer.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::billing {

// What a bill needs of its shop.
struct ShopBillSettings {
  std::string_view time_zone;  // people's dates: the bill's, run-out and reminder dates
  int refill_lead_days = 0;    // remind this many days before a medicine runs out
};

// One line as it will be stored, with its purchase's medicine key and its refill reminder.
struct PlannedLine {
  BillItem item;             // line_no, amount_paise and runs_out_on set; id 0 until stored
  std::string medicine_key;  // the purchase's key, and the key its open reminders are closed by
  // The refill reminder's date when the line runs out: `refill_lead_days` before, but never
  // before the bill's date. None for a line without duration (skipped or not asked).
  std::optional<std::string> remind_on;
};

// The days of a line's refill reminder steps: `cadence`'s steps (the customer's own lead moving
// the first one before running out, automation::step_days) for a medicine running out on
// `runs_out_on`, a step before `bill_date` moved to it, and steps falling on one day made one;
// never empty. Dates are YYYY-MM-DD.
std::vector<std::string> reminder_step_dates(const std::string& runs_out_on,
                                             const std::string& bill_date,
                                             const automation::RefillCadence& cadence,
                                             std::optional<int> customer_lead_days);

// A bill's lines priced and dated from the request alone: made once, before the transaction,
// however many times the transaction runs.
struct BillLines {
  std::int64_t billed_at = 0;
  std::string bill_date;  // billed_at's date in the shop's zone
  std::int64_t total_paise = 0;
  std::vector<PlannedLine> lines;
};

// Validates the request's shape, prices its lines and dates them in the shop's zone.
// Throws AppError(kValidation) naming "billed_at" when it is more than a few minutes past
// `now_ms`, "customer.phone" when there is no phone, and "items" when a visit without purchase
// has items, a bill has none, or a line or the bill passes kMaxBillPaise.
BillLines plan_lines(const BillInput& input, std::int64_t billed_at, std::int64_t now_ms,
                     const ShopBillSettings& shop);

// The customer's side of a bill: inserted with their first visit, or updated with this visit.
struct CustomerPlan {
  bool create = false;
  // Inserted (phone set), or written with the visit (phone unset: the phone found them). The
  // consent grants of an opted-out customer are dropped; a new customer from the contact sheet
  // keeps the sheet's name unless the counter typed one.
  customers::CustomerFields fields;
  customers::Visit visit;
};

// What a bill does to the shop's contact record for the phone.
enum class ContactStep {
  kNone,        // no contact record has the phone
  kLink,        // a visit when the record is already yellow or converted: it learns its customer
  kMarkYellow,  // a visit without purchase from pending or contacted: yellow, and an interaction
  kConvert,     // a purchase: converted, or only linked when the record cannot convert any more
};

struct ContactPlan {
  ContactStep step = ContactStep::kNone;
  core::ContactId contact_id;
  contacts::ContactStatus from = contacts::ContactStatus::kPending;  // kMarkYellow: the status left
  bool link_customer = false;  // the record has no customer yet: set it (a conversion sets it too)
};

struct BillPlan {
  CustomerPlan customer;
  // The bill's row: every field but id, customer_id and staff_id (known when applied); no items
  // (they are `BillLines::lines`).
  Bill bill;
  ContactPlan contact;
};

// Plans a bill of `lines` for the customer `existing` has (null: a new one) and the contact
// record `contact` has (null: none).
// Throws AppError(kValidation) naming "customer_category" when a new customer has no category,
// and when the first bill of someone contacted before is not contact_sheet.
BillPlan plan_bill(const BillInput& input, const BillLines& lines,
                   const customers::Customer* existing, const contacts::Contact* contact);

}  // namespace rx::billing
