#include "billing/bill_plan.h"

#include "core/error.h"
#include "core/time_zone.h"
#include "refills/refill_reminder.h"

#include <algorithm>

namespace rx::billing {
namespace {

using core::AppError;
using core::ErrorCode;

// Allow a little clock skew between the counter's device and the server.
constexpr std::int64_t kFutureSlackMs = 5 * 60 * 1000;

[[noreturn]] void invalid(const std::string& field, const std::string& reason) {
  throw AppError(ErrorCode::kValidation, field + ": " + reason, {{"fields", {{field, reason}}}});
}

// Totals in paise, refusing anything past the bill limit before it can overflow.
std::int64_t total_of(std::vector<PlannedLine>& lines) {
  std::int64_t total = 0;
  for (auto& line : lines) {
    BillItem& item = line.item;
    if (item.unit_price_paise > 0 && item.quantity > kMaxBillPaise / item.unit_price_paise) {
      invalid("items", "a line may not pass 10^12 paise");
    }
    item.amount_paise = item.quantity * item.unit_price_paise;
    total += item.amount_paise;
    if (total > kMaxBillPaise) invalid("items", "a bill may not pass 10^12 paise");
  }
  return total;
}

ContactPlan plan_contact(const BillInput& input, const contacts::Contact& contact) {
  ContactPlan plan;
  plan.contact_id = core::ContactId(contact.id);
  plan.link_customer = !contact.customer_id;
  if (!input.visited_but_no_purchase) {
    plan.step = ContactStep::kConvert;
    return plan;
  }
  if (contacts::is_open(contact.status)) {
    plan.step = ContactStep::kMarkYellow;
    plan.from = contact.status;
  } else {
    plan.step = ContactStep::kLink;
  }
  return plan;
}

}  // namespace

BillLines plan_lines(const BillInput& input, std::int64_t billed_at, std::int64_t now_ms,
                     const ShopBillSettings& shop) {
  if (billed_at > now_ms + kFutureSlackMs) invalid("billed_at", "may not be in the future");
  if (!input.customer.phone) invalid("customer.phone", "required");
  if (input.visited_but_no_purchase && !input.items.empty()) {
    invalid("items", "a visit without purchase has no items");
  }
  if (!input.visited_but_no_purchase && input.items.empty())
    invalid("items", "a bill needs at least one item");

  BillLines out;
  out.billed_at = billed_at;
  out.bill_date = core::local_date(billed_at, shop.time_zone);
  out.lines.reserve(input.items.size());
  for (std::size_t i = 0; i < input.items.size(); ++i) {
    const BillItemInput& in = input.items[i];
    PlannedLine line;
    BillItem& item = line.item;
    item.line_no = static_cast<int>(i + 1);
    item.medicine = in.medicine;
    item.quantity = in.quantity;
    item.unit_price_paise = in.unit_price_paise;
    item.duration_days = in.duration_days;
    item.is_generic = in.is_generic;
    item.duration_skipped = in.duration_skipped;
    item.runs_out_on = run_out_date(out.bill_date, in.duration_days);
    line.medicine_key = refills::medicine_key(item.medicine);
    if (item.runs_out_on) {
      // Remind `lead` days before the medicine runs out, but never before the bill itself.
      std::string remind_on = core::add_days(*item.runs_out_on, -shop.refill_lead_days);
      line.remind_on = remind_on < out.bill_date ? out.bill_date : std::move(remind_on);
    }
    out.lines.push_back(std::move(line));
  }
  out.total_paise = total_of(out.lines);
  return out;
}

std::vector<std::string> reminder_step_dates(const std::string& runs_out_on,
                                             const std::string& bill_date,
                                             const automation::RefillCadence& cadence,
                                             std::optional<int> customer_lead_days) {
  // The steps of a medicine running out on day 0 are the offsets from its run-out date.
  const date::sys_days day0{};
  std::vector<std::string> dates;
  for (date::sys_days day : automation::step_days(day0, cadence, customer_lead_days)) {
    std::string on = core::add_days(runs_out_on, static_cast<int>((day - day0).count()));
    if (on < bill_date) on = bill_date;
    if (dates.empty() || dates.back() != on) dates.push_back(std::move(on));
  }
  if (dates.empty()) dates.push_back(std::max(runs_out_on, bill_date));
  return dates;
}

BillPlan plan_bill(const BillInput& input, const BillLines& lines,
                   const customers::Customer* existing, const contacts::Contact* contact) {
  BillPlan plan;
  customers::CustomerFields& fields = plan.customer.fields;
  fields = input.customer;
  customers::drop_consent_grants_if_opted_out(fields, existing);
  // A new customer from the contact sheet keeps the sheet's name unless the counter typed one.
  if (!existing && !fields.name && contact && contact->name) fields.name = contact->name;
  if (input.customer_category) fields.category = input.customer_category;
  plan.customer.visit = customers::Visit{lines.billed_at, lines.total_paise};
  plan.customer.create = !existing;
  if (existing) {
    fields.phone.reset();
  } else if (!fields.category) {
    invalid("customer_category", "required for a new customer");
  }

  const customers::CustomerCategory category =
      fields.category ? *fields.category : existing->category;
  // Every bill, a visit without purchase too, counts one visit.
  const bool first_bill = !existing || existing->visit_count == 0;
  if (first_bill && input.was_contacted_before &&
      category != customers::CustomerCategory::kContactSheet) {
    invalid("customer_category", "a first bill of someone contacted before must be contact_sheet");
  }

  Bill& bill = plan.bill;
  bill.billed_at = lines.billed_at;
  bill.bill_date = lines.bill_date;
  bill.customer_category = category;
  bill.was_contacted_before = input.was_contacted_before;
  bill.visited_but_no_purchase = input.visited_but_no_purchase;
  bill.total_paise = lines.total_paise;
  bill.notes = input.notes;

  if (contact) plan.contact = plan_contact(input, *contact);
  return plan;
}

}  // namespace rx::billing
