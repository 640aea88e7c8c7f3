#include "billing/bill_reader.h"

#include "core/json_fields.h"
#include "core/time_zone.h"
#include "customers/customer_fields_reader.h"

namespace rx::billing {
namespace {

using core::Presence;

constexpr std::int64_t kMaxQuantity = 1'000'000;
constexpr std::int64_t kMaxDurationDays = 3650;
constexpr std::size_t kMaxItems = 200;

BillItemInput read_item(core::FieldReader& bill_fields, const nlohmann::json& item,
                        std::size_t index) {
  const std::string prefix = "items[" + std::to_string(index) + "]";
  if (!item.is_object()) {
    bill_fields.fail(prefix, "must be an object");
    return {};
  }
  core::FieldReader fields(item);
  BillItemInput in;
  in.medicine = fields.text("medicine", Presence::kRequired, 200).value_or("");
  in.quantity = fields.integer("quantity", Presence::kRequired, 1, kMaxQuantity).value_or(1);
  in.unit_price_paise =
      fields.integer("unit_price_paise", Presence::kRequired, 0, kMaxBillPaise).value_or(0);
  in.duration_days = fields.integer("duration_days", Presence::kOptional, 1, kMaxDurationDays);
  in.is_generic = fields.boolean("is_generic", Presence::kOptional).value_or(false);
  in.duration_skipped = fields.boolean("duration_skipped", Presence::kOptional).value_or(false);
  if (in.duration_skipped && in.duration_days)
    fields.fail("duration_skipped", "only for a line without duration_days");
  bill_fields.absorb(fields, prefix);
  return in;
}

}  // namespace

BillInput read_bill_input(const nlohmann::json& body, const std::string& phone_region,
                          const std::string& time_zone) {
  core::FieldReader fields(body);
  BillInput in;
  if (const nlohmann::json* customer = fields.raw("customer"); customer && customer->is_object()) {
    core::FieldReader customer_fields(*customer);
    in.customer = customers::read_customer_fields(customer_fields, *customer, phone_region);
    if (!in.customer.phone && !customer_fields.has("phone"))
      customer_fields.fail("phone", "required");
    fields.absorb(customer_fields, "customer");
  } else {
    fields.fail("customer", "required: an object with at least the phone");
  }
  if (auto category = fields.text("customer_category", Presence::kOptional, 40)) {
    in.customer_category = core::enum_from_name<customers::CustomerCategory>(*category);
    if (!in.customer_category)
      fields.fail("customer_category", std::string(customers::kCategoryChoices));
  }
  in.was_contacted_before =
      fields.boolean("was_contacted_before", Presence::kRequired).value_or(false);
  in.visited_but_no_purchase =
      fields.boolean("visited_but_no_purchase", Presence::kOptional).value_or(false);
  in.notes = fields.text("notes", Presence::kOptional, 2000);
  if (auto billed_at = fields.text("billed_at", Presence::kOptional, 40)) {
    in.billed_at = core::parse_instant(*billed_at, time_zone);
    if (!in.billed_at)
      fields.fail("billed_at", "must be a date-time like 2026-11-25T10:30:00+05:30");
  }
  if (const nlohmann::json* items = fields.raw("items")) {
    if (!items->is_array() || items->size() > kMaxItems) {
      fields.fail("items", "must be a list of up to 200 items");
    } else {
      for (std::size_t i = 0; i < items->size(); ++i)
        in.items.push_back(read_item(fields, (*items)[i], i));
    }
  }
  fields.finish();
  return in;
}

}  // namespace rx::billing
