#include "billing/bill_service.h"

#include "billing/bill_plan.h"
#include "billing/bill_repository.h"
#include "contacts/contact_repository.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_audit.h"
#include "customers/customer_repository.h"
#include "pickups/pickup_repository.h"
#include "refills/refill_repository.h"

namespace rx::billing {

using core::AppError;
using core::ErrorCode;

namespace {

// Runs of a bill's transaction when it loses a race to create its customer (see create()).
constexpr int kAttempts = 3;

const customers::Customer* pointer_to(const std::optional<customers::Customer>& customer) {
  return customer ? &*customer : nullptr;
}

// The customer's row: inserted with the first visit, or left for record_visit (written after the
// bill's row, as before); their consent changes and the audit entry either way.
core::CustomerId save_customer(storage::Connection& c, const auth::Principal& actor,
                               const CustomerPlan& plan, const customers::Customer* existing,
                               std::int64_t now) {
  const core::ShopId shop(actor.shop_id);
  const core::CustomerId customer_id =
      existing ? core::CustomerId(existing->id)
               : customers::CustomerRepository::insert(c, shop, plan.fields, now, plan.visit);
  customers::CustomerRepository::record_consent_changes(
      c, shop, customer_id, plan.fields, existing, "counter", core::StaffId(actor.staff_id), now);
  customers::audit_customer_change(c, actor, customer_id, plan.fields, existing, "bill", now);
  return customer_id;
}

// The contact sheet's record for this phone: converted by a purchase, yellow by a visit.
void apply_contact(storage::Connection& c, const auth::Principal& actor, const ContactPlan& plan,
                   const BillInput& input, core::CustomerId customer_id, core::BillId bill_id,
                   const BillLines& lines, std::int64_t now, BillResult& result) {
  const core::ShopId shop(actor.shop_id);
  // The sheet's record learns its customer once; a conversion sets it with the rest.
  const auto link = [&] {
    if (plan.link_customer)
      contacts::ContactRepository::link_customer(c, shop, plan.contact_id, customer_id, now);
  };
  // A visit with a bill brings a contact set aside as unreachable back.
  if (plan.step != ContactStep::kNone) {
    contacts::ContactRepository::apply_call_effect(c, shop, plan.contact_id,
                                                   contacts::CallEffect::kCameBack, 0, now);
  }
  switch (plan.step) {
    case ContactStep::kNone:
      return;
    case ContactStep::kLink:
      link();
      return;
    case ContactStep::kMarkYellow:
      link();
      contacts::ContactRepository::move_status(c, shop, plan.contact_id, plan.from,
                                               contacts::ContactStatus::kYellow, now);
      contacts::ContactRepository::insert_interaction(
          c, shop, plan.contact_id, core::StaffId(actor.staff_id),
          contacts::InteractionKind::kVisit, contacts::InteractionOutcome::kVisitedNoPurchase,
          input.notes, now);
      result.yellow_contact_id = plan.contact_id.value();
      return;
    case ContactStep::kConvert:
      if (contacts::ContactRepository::convert(c, shop, plan.contact_id, bill_id, lines.total_paise,
                                               customer_id, lines.billed_at, now)) {
        result.conversion = Conversion{plan.contact_id.value(), lines.total_paise, lines.billed_at};
      } else {
        link();
      }
      return;
  }
}

// Buying a medicine again closes its open reminders, before this bill schedules new ones.
void close_refilled(storage::Connection& c, core::ShopId shop, core::CustomerId customer_id,
                    core::BillId bill_id, const BillLines& lines, std::int64_t now,
                    std::vector<std::int64_t>& closed_ids) {
  for (const PlannedLine& line : lines.lines) {
    auto closed = refills::RefillRepository::close_as_refilled(c, shop, customer_id,
                                                               line.medicine_key, bill_id, now);
    closed_ids.insert(closed_ids.end(), closed.begin(), closed.end());
  }
}

// The customer came in: whatever they asked to be kept ready for them is collected with this bill.
std::vector<std::int64_t> collect_pickups(storage::Connection& c, core::ShopId shop,
                                          core::CustomerId customer_id, core::BillId bill_id,
                                          std::int64_t now) {
  return pickups::PickupRepository::collect_for_customer(c, shop, customer_id, bill_id, now);
}

// The lines, their purchases and their refill reminders. Returns the lines as stored, with
// their ids; `lines` stays as planned, for a run again.
std::vector<BillItem> write_lines(storage::Connection& c, core::ShopId shop,
                                  core::CustomerId customer_id, core::BillId bill_id,
                                  const BillLines& lines, const automation::RefillCadence& cadence,
                                  std::optional<int> customer_lead_days, std::int64_t now,
                                  std::vector<refills::NewRefillReminder>& scheduled,
                                  std::vector<std::int64_t>& reminder_ids) {
  std::vector<BillItem> stored;
  stored.reserve(lines.lines.size());
  for (const PlannedLine& line : lines.lines) {
    BillItem& item = stored.emplace_back(line.item);
    item.id = BillRepository::insert_item(c, shop, bill_id, item);
    Purchase purchase{0,
                      bill_id.value(),
                      item.medicine,
                      item.quantity,
                      item.amount_paise,
                      item.is_generic,
                      lines.bill_date,
                      item.duration_days,
                      item.runs_out_on};
    const std::int64_t purchase_id =
        BillRepository::insert_purchase(c, shop, customer_id, item.id, purchase, line.medicine_key);
    if (!line.remind_on) continue;
    scheduled.push_back(refills::new_refill_reminder(
        customer_id.value(), purchase_id, bill_id.value(), item.medicine, line.medicine_key,
        *item.runs_out_on,
        reminder_step_dates(*item.runs_out_on, lines.bill_date, cadence, customer_lead_days), now));
    reminder_ids.push_back(refills::RefillRepository::insert(c, shop, scheduled.back()).value());
  }
  return stored;
}

}  // namespace

BillResult BillService::create(const auth::Principal& actor, const BillInput& input) {
  const std::int64_t now = clock_.now_ms();
  if (input.billed_at && actor.role == auth::Role::kStaff) {
    throw AppError(ErrorCode::kForbidden, "only owners and managers may back-date a bill");
  }
  const ShopBillSettings settings{actor.time_zone, actor.refill_lead_days};
  const BillLines lines = plan_lines(input, input.billed_at.value_or(now), now, settings);
  const std::string today = core::local_date(now, actor.time_zone);
  const automation::RefillCadence cadence =
      automation::cadence_or_lead(actor.refill_cadence, actor.refill_lead_days);
  // The bill as one job: it reads and writes only through `c` and answers what it wrote, so it
  // may run more than once (storage::Database::rerunnable_write) and each run starts afresh.
  const auto record = [&](storage::Connection& c) {
    BillResult result;
    result.today = today;
    const core::ShopId shop(actor.shop_id);
    const auto existing =
        customers::CustomerRepository::find_by_phone(c, shop, *input.customer.phone);
    const auto contact = contacts::ContactRepository::find_by_phone(c, shop, *input.customer.phone);
    BillPlan plan = plan_bill(input, lines, pointer_to(existing), contact ? &*contact : nullptr);

    const core::CustomerId customer_id =
        save_customer(c, actor, plan.customer, pointer_to(existing), now);
    result.customer_created = plan.customer.create;
    Bill& bill = plan.bill;
    bill.customer_id = customer_id.value();
    bill.staff_id = actor.staff_id;
    const core::BillId bill_id = BillRepository::insert_bill(c, shop, bill, now);
    // A known customer's changes from the counter are written with the visit, in one statement.
    if (existing) {
      customers::CustomerRepository::record_visit(c, shop, customer_id, plan.customer.fields,
                                                  plan.customer.visit, now);
    }
    apply_contact(c, actor, plan.contact, input, customer_id, bill_id, lines, now, result);
    close_refilled(c, shop, customer_id, bill_id, lines, now, result.refilled_reminder_ids);
    result.collected_pickup_ids = collect_pickups(c, shop, customer_id, bill_id, now);
    std::vector<refills::NewRefillReminder> scheduled;
    std::vector<std::int64_t> reminder_ids;
    // The reminders follow the shop's cadence (read with the session), its first step moved by
    // the customer's own lead (as the counter just set it, or as stored).
    std::optional<std::int64_t> lead = existing ? existing->refill_lead_days : std::nullopt;
    if (plan.customer.fields.refill_lead_days) lead = *plan.customer.fields.refill_lead_days;
    const std::optional<int> customer_lead =
        lead ? std::optional<int>(static_cast<int>(*lead)) : std::nullopt;
    std::vector<BillItem> stored = write_lines(c, shop, customer_id, bill_id, lines, cadence,
                                               customer_lead, now, scheduled, reminder_ids);

    // The answer is built from what was just written rather than read back: the bill's rows
    // hold nothing the statements above did not set. The customer's row is read, as its update
    // merges the counter's fields into the stored ones; their conditions only if changed.
    if (plan.customer.fields.chronic_conditions) {
      result.customer = *customers::CustomerRepository::find(c, shop, customer_id);
    } else {
      result.customer = *customers::CustomerRepository::find_row(c, shop, customer_id);
      if (existing) result.customer.chronic_conditions = existing->chronic_conditions;
    }
    bill.id = bill_id.value();
    bill.customer_name = result.customer.name;
    bill.customer_phone = result.customer.phone;
    bill.item_count = static_cast<std::int64_t>(stored.size());
    bill.items = std::move(stored);
    result.bill = std::move(bill);
    for (std::size_t i = 0; i < scheduled.size(); ++i) {
      result.reminders.push_back(refills::RefillRepository::as_inserted(
          core::RefillReminderId(reminder_ids[i]), std::move(scheduled[i]), result.customer.name,
          result.customer.phone, result.customer.whatsapp_status));
    }
    return result;
  };
  // Two counters billing one new phone at once: on PostgreSQL both transactions find no
  // customer and insert one, and the second fails on the (shop_id, phone) key when the first
  // commits. Run again, it finds that customer, as a bill a moment later would. Nothing a bill
  // writes is keyed by the request itself, so a conflict can only be a race with another
  // writer; one that lasts fails every attempt and still answers 409.
  for (int attempt = 1;; ++attempt) {
    try {
      return db_.rerunnable_write(record);
    } catch (const AppError& e) {
      if (e.code() != ErrorCode::kConflict || attempt == kAttempts) throw;
    }
  }
}

Bill BillService::get(const auth::Principal& actor, core::BillId id) {
  std::optional<Bill> bill;
  db_.with_connection([&](storage::Connection& c) {
    bill = BillRepository::find(c, core::ShopId(actor.shop_id), id);
  });
  if (!bill) core::throw_not_found("bill");
  return *bill;
}

BillPage BillService::list(const auth::Principal& actor, const BillFilter& filter,
                           std::int64_t limit, std::int64_t offset) {
  BillPage page;
  db_.with_connection([&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    page.items = BillRepository::list(c, shop, filter, limit, offset);
    page.total = BillRepository::count(c, shop, filter);
  });
  return page;
}

}  // namespace rx::billing
