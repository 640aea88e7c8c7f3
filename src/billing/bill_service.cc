#include "billing/bill_service.h"

#include "billing/bill_repository.h"
#include "contacts/contact_repository.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_audit.h"
#include "customers/customer_repository.h"
#include "refills/refill_repository.h"

#include <algorithm>

namespace rx::billing {

using core::AppError;
using core::ErrorCode;

namespace {

// Allow a little clock skew between the counter's device and the server.
constexpr std::int64_t kFutureSlackMs = 5 * 60 * 1000;
// Runs of a bill's transaction when it loses a race to create its customer (see create()).
constexpr int kAttempts = 3;

[[noreturn]] void invalid(const std::string& field, const std::string& reason) {
  throw AppError(ErrorCode::kValidation, field + ": " + reason, {{"fields", {{field, reason}}}});
}

// Totals in paise, refusing anything past the bill limit before it can overflow.
std::int64_t total_of(std::vector<BillItem>& items) {
  std::int64_t total = 0;
  for (auto& item : items) {
    if (item.unit_price_paise > 0 && item.quantity > kMaxBillPaise / item.unit_price_paise) {
      invalid("items", "a line may not pass 10^12 paise");
    }
    item.amount_paise = item.quantity * item.unit_price_paise;
    total += item.amount_paise;
    if (total > kMaxBillPaise) invalid("items", "a bill may not pass 10^12 paise");
  }
  return total;
}

}  // namespace

BillResult BillService::create(const auth::Principal& actor, const BillInput& input) {
  const std::int64_t now = clock_.now_ms();
  if (input.billed_at && actor.role == auth::Role::kStaff) {
    throw AppError(ErrorCode::kForbidden, "only owners and managers may back-date a bill");
  }
  const std::int64_t billed_at = input.billed_at.value_or(now);
  if (billed_at > now + kFutureSlackMs) invalid("billed_at", "may not be in the future");
  if (!input.customer.phone) invalid("customer.phone", "required");
  if (input.visited_but_no_purchase && !input.items.empty()) {
    invalid("items", "a visit without purchase has no items");
  }
  if (!input.visited_but_no_purchase && input.items.empty())
    invalid("items", "a bill needs at least one item");

  const std::string bill_date = core::local_date(billed_at, actor.time_zone);
  std::vector<BillItem> items;
  for (std::size_t i = 0; i < input.items.size(); ++i) {
    const BillItemInput& in = input.items[i];
    BillItem item;
    item.line_no = static_cast<int>(i + 1);
    item.medicine = in.medicine;
    item.quantity = in.quantity;
    item.unit_price_paise = in.unit_price_paise;
    item.duration_days = in.duration_days;
    item.is_generic = in.is_generic;
    item.duration_skipped = in.duration_skipped;
    item.runs_out_on = run_out_date(bill_date, in.duration_days);
    items.push_back(std::move(item));
  }
  const std::int64_t total = total_of(items);

  const std::string today = core::local_date(now, actor.time_zone);
  BillResult result;
  const auto record = [&](storage::Connection& c) {
    result = BillResult{};
    result.today = today;
    const std::int64_t shop = actor.shop_id;
    auto existing = customers::CustomerRepository::find_by_phone(c, shop, *input.customer.phone);
    const auto contact =
        contacts::ContactRepository::find_by_phone(c, core::ShopId(shop), *input.customer.phone);
    customers::CustomerFields fields = input.customer;
    customers::drop_consent_grants_if_opted_out(fields, existing ? &*existing : nullptr);
    // A new customer from the contact sheet keeps the sheet's name unless the counter typed one.
    if (!existing && !fields.name && contact && contact->name) fields.name = contact->name;
    if (input.customer_category) fields.category = input.customer_category;
    std::int64_t customer_id = 0;
    const customers::Visit visit{billed_at, total};
    if (existing) {
      customer_id = existing->id;
      fields.phone.reset();
    } else {
      if (!fields.category) invalid("customer_category", "required for a new customer");
      customer_id = customers::CustomerRepository::insert(c, shop, fields, now, visit);
      result.customer_created = true;
    }
    customers::CustomerRepository::record_consent_changes(c, shop, customer_id, fields,
                                                          existing ? &*existing : nullptr,
                                                          "counter", actor.staff_id, now);
    customers::audit_customer_change(c, actor, customer_id, fields, existing ? &*existing : nullptr,
                                     "bill", now);

    const std::string category = fields.category ? *fields.category : existing->category;
    // Every bill, a visit without purchase too, counts one visit (record_visit below).
    const bool first_bill = !existing || existing->visit_count == 0;
    if (first_bill && input.was_contacted_before && category != "contact_sheet") {
      invalid("customer_category",
              "a first bill of someone contacted before must be contact_sheet");
    }

    Bill bill;
    bill.customer_id = customer_id;
    bill.staff_id = actor.staff_id;
    bill.billed_at = billed_at;
    bill.bill_date = bill_date;
    bill.customer_category = category;
    bill.was_contacted_before = input.was_contacted_before;
    bill.visited_but_no_purchase = input.visited_but_no_purchase;
    bill.total_paise = total;
    bill.notes = input.notes;
    const std::int64_t bill_id = BillRepository::insert_bill(c, shop, bill, now);
    // A known customer's changes from the counter are written with the visit, in one statement.
    if (existing)
      customers::CustomerRepository::record_visit(c, shop, customer_id, fields, visit, now);

    // The contact sheet's record for this phone: converted by a purchase, yellow by a visit.
    if (contact) {
      // The sheet's record learns its customer once; a conversion sets it with the rest.
      const auto link = [&] {
        if (!contact->customer_id)
          contacts::ContactRepository::link_customer(c, core::ShopId(shop),
                                                     core::ContactId(contact->id),
                                                     core::CustomerId(customer_id), now);
      };
      if (input.visited_but_no_purchase) {
        link();
        if (contacts::is_open(contact->status)) {
          contacts::ContactRepository::move_status(c, core::ShopId(shop),
                                                   core::ContactId(contact->id), contact->status,
                                                   contacts::ContactStatus::kYellow, now);
          contacts::ContactRepository::insert_interaction(
              c, core::ShopId(shop), core::ContactId(contact->id), core::StaffId(actor.staff_id),
              contacts::InteractionKind::kVisit, contacts::InteractionOutcome::kVisitedNoPurchase,
              input.notes, now);
          result.yellow_contact_id = contact->id;
        }
      } else if (contacts::ContactRepository::convert(
                     c, core::ShopId(shop), core::ContactId(contact->id), core::BillId(bill_id),
                     total, core::CustomerId(customer_id), billed_at, now)) {
        result.conversion = Conversion{contact->id, total, billed_at};
      } else {
        link();
      }
    }

    // Buying a medicine again closes its open reminders, before this bill schedules new ones.
    for (const BillItem& item : items) {
      auto closed = refills::RefillRepository::close_as_refilled(
          c, core::ShopId(shop), core::CustomerId(customer_id),
          refills::medicine_key(item.medicine), core::BillId(bill_id), now);
      result.refilled_reminder_ids.insert(result.refilled_reminder_ids.end(), closed.begin(),
                                          closed.end());
    }
    // The lines as stored, with their ids; `items` stays as given, for a run again.
    std::vector<BillItem> lines = items;
    std::vector<refills::NewRefillReminder> scheduled;
    std::vector<std::int64_t> reminder_ids;
    for (BillItem& item : lines) {
      item.id = BillRepository::insert_item(c, shop, bill_id, item);
      const std::int64_t item_id = item.id;
      const std::string key = refills::medicine_key(item.medicine);
      Purchase purchase{0,
                        bill_id,
                        item.medicine,
                        item.quantity,
                        item.amount_paise,
                        item.is_generic,
                        bill_date,
                        item.duration_days,
                        item.runs_out_on};
      const std::int64_t purchase_id =
          BillRepository::insert_purchase(c, shop, customer_id, item_id, purchase, key);
      if (!item.runs_out_on) continue;
      // Remind `lead` days before the medicine runs out, but never before the bill itself.
      std::string remind_on = core::add_days(*item.runs_out_on, -actor.refill_lead_days);
      if (remind_on < bill_date) remind_on = bill_date;
      scheduled.push_back(
          {customer_id, purchase_id, bill_id, item.medicine, *item.runs_out_on, remind_on});
      reminder_ids.push_back(
          refills::RefillRepository::insert(c, core::ShopId(shop), scheduled.back(), now).value());
    }
    // The answer is built from what was just written rather than read back: the bill's rows
    // hold nothing the statements above did not set. The customer's row is read, as its update
    // merges the counter's fields into the stored ones; their conditions only if changed.
    if (fields.chronic_conditions) {
      result.customer = *customers::CustomerRepository::find(c, shop, customer_id);
    } else {
      result.customer = *customers::CustomerRepository::find_row(c, shop, customer_id);
      if (existing) result.customer.chronic_conditions = existing->chronic_conditions;
    }
    bill.id = bill_id;
    bill.customer_name = result.customer.name;
    bill.customer_phone = result.customer.phone;
    bill.item_count = static_cast<std::int64_t>(lines.size());
    bill.items = std::move(lines);
    result.bill = std::move(bill);
    for (std::size_t i = 0; i < scheduled.size(); ++i) {
      result.reminders.push_back(refills::RefillRepository::as_inserted(
          core::RefillReminderId(reminder_ids[i]), scheduled[i], result.customer.name,
          result.customer.phone, result.customer.whatsapp_status, now));
    }
  };
  // Two counters billing one new phone at once: on PostgreSQL both transactions find no
  // customer and insert one, and the second fails on the (shop_id, phone) key when the first
  // commits. Run again, it finds that customer, as a bill a moment later would. Nothing a bill
  // writes is keyed by the request itself, so a conflict can only be a race with another
  // writer; one that lasts fails every attempt and still answers 409.
  // `record` resets its result and writes only to the database, so it may run more than once:
  // here, and in a write group that runs again (Database::rerunnable_write).
  for (int attempt = 1;; ++attempt) {
    try {
      db_.rerunnable_write(record);
      return result;
    } catch (const AppError& e) {
      if (e.code() != ErrorCode::kConflict || attempt == kAttempts) throw;
    }
  }
}

Bill BillService::get(const auth::Principal& actor, std::int64_t id) {
  std::optional<Bill> bill;
  db_.with_connection(
      [&](storage::Connection& c) { bill = BillRepository::find(c, actor.shop_id, id); });
  if (!bill) core::throw_not_found("bill");
  return *bill;
}

BillPage BillService::list(const auth::Principal& actor, const BillFilter& filter,
                           std::int64_t limit, std::int64_t offset) {
  BillPage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items = BillRepository::list(c, actor.shop_id, filter, limit, offset);
    page.total = BillRepository::count(c, actor.shop_id, filter);
  });
  return page;
}

}  // namespace rx::billing
