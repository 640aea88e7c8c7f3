#include "billing/bill_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"
#include "customers/customer_json.h"
#include "refills/refill_json.h"

namespace rx::billing {

void write_json(core::JsonWriter& w, const Bill& b, std::string_view tz) {
  w.begin_object()
      .field("id", b.id)
      .field("customer_id", b.customer_id)
      .field("customer_name", b.customer_name)
      .field("customer_phone", b.customer_phone)
      .field("staff_id", b.staff_id);
  core::write_instant(w, "billed_at", b.billed_at, tz);
  w.field("bill_date", b.bill_date).key("customer_category");
  if (b.customer_category) {
    w.raw_string(core::enum_name(*b.customer_category));
  } else {
    w.null();
  }
  w.field("was_contacted_before", b.was_contacted_before)
      .field("visited_but_no_purchase", b.visited_but_no_purchase)
      .field("total_paise", b.total_paise)
      .field("notes", b.notes)
      .field("item_count", b.item_count);
  if (!b.items.empty() || b.item_count == 0) {
    w.key("items").begin_array();
    for (const auto& i : b.items) {
      w.begin_object()
          .field("id", i.id)
          .field("line_no", i.line_no)
          .field("medicine", i.medicine)
          .field("quantity", i.quantity)
          .field("unit_price_paise", i.unit_price_paise)
          .field("amount_paise", i.amount_paise)
          .field("duration_days", i.duration_days)
          .field("is_generic", i.is_generic)
          .field("runs_out_on", i.runs_out_on)
          .field("duration_skipped", i.duration_skipped)
          .end_object();
    }
    w.end_array();
  }
  w.end_object();
}

nlohmann::json to_json(const Bill& b, std::string_view tz) {
  core::JsonWriter w;
  write_json(w, b, tz);
  return nlohmann::json::parse(w.text());
}

void write_json(core::JsonWriter& w, const Purchase& p) {
  w.begin_object()
      .field("id", p.id)
      .field("bill_id", p.bill_id)
      .field("medicine", p.medicine)
      .field("quantity", p.quantity)
      .field("amount_paise", p.amount_paise)
      .field("is_generic", p.is_generic)
      .field("purchased_on", p.purchased_on)
      .field("duration_days", p.duration_days)
      .field("runs_out_on", p.runs_out_on)
      .end_object();
}

nlohmann::json to_json(const Purchase& p) {
  core::JsonWriter w;
  write_json(w, p);
  return nlohmann::json::parse(w.text());
}

std::string counter_view_json(const CounterView& v, std::string_view tz) {
  core::JsonWriter w;
  w.begin_object().key("customer");
  customers::write_json(w, v.customer, tz);
  w.key("open_refill_reminders").begin_array();
  for (const auto& reminder : v.open_refill_reminders)
    refills::write_json(w, reminder, tz, v.today);
  w.end_array().key("last_purchases").begin_array();
  for (const auto& p : v.last_purchases) write_json(w, p);
  w.end_array().end_object();
  return w.take();
}

std::string bill_result_json(const BillResult& r, std::string_view tz, std::string_view today) {
  constexpr std::size_t kExpectedBytes = 4096;
  core::JsonWriter w;
  w.reserve(kExpectedBytes);
  w.begin_object().key("bill");
  write_json(w, r.bill, tz);
  w.field("total_paise", r.bill.total_paise).key("customer");
  customers::write_json(w, r.customer, tz);
  w.field("customer_created", r.customer_created).key("conversion");
  if (r.conversion) {
    w.begin_object()
        .field("contact_id", r.conversion->contact_id)
        .field("conversion_value_paise", r.conversion->value_paise);
    core::write_instant(w, "converted_at", r.conversion->converted_at, tz);
    w.end_object();
  } else {
    w.null();
  }
  w.field("yellow_contact_id", r.yellow_contact_id).key("reminders").begin_array();
  for (const auto& reminder : r.reminders) refills::write_json(w, reminder, tz, today);
  w.end_array().key("refilled_reminder_ids").begin_array();
  for (const std::int64_t id : r.refilled_reminder_ids) w.number(id);
  w.end_array().key("collected_pickup_ids").begin_array();
  for (const std::int64_t id : r.collected_pickup_ids) w.number(id);
  w.end_array().end_object();
  return w.take();
}

}  // namespace rx::billing
