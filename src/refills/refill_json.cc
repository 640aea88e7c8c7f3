#include "refills/refill_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"

#include <algorithm>

namespace rx::refills {
namespace {

// The name of an optional state, or null. Enum names are plain ASCII: nothing to escape.
template <class E>
void write_name(core::JsonWriter& w, const std::optional<E>& value) {
  if (value) {
    w.raw_string(core::enum_name(*value));
  } else {
    w.null();
  }
}

}  // namespace

void write_json(core::JsonWriter& w, const RefillReminder& r, std::string_view tz,
                std::string_view today) {
  w.begin_object()
      .field("id", r.id)
      .field("customer_id", r.customer_id)
      .field("customer_name", r.customer_name)
      .field("customer_phone", r.customer_phone)
      .field("whatsapp_status", r.whatsapp_status)
      .field("purchase_id", r.purchase_id)
      .field("bill_id", r.bill_id)
      .field("medicine", r.medicine)
      .field("runs_out_on", r.runs_out_on)
      .field("remind_on", r.remind_on)
      .field("days_overdue", std::max(0, core::days_between(r.remind_on, today)))
      .field("step", r.step)
      .field("steps", r.steps)
      .field("next_step_on", r.next_step_on)
      .key("status")
      .raw_string(core::enum_name(r.status))
      .key("sent_channel");
  write_name(w, r.sent_channel);
  core::write_instant(w, "sent_at", r.sent_at, tz);
  w.field("sent_by", r.sent_by).key("response");
  write_name(w, r.response);
  w.field("response_note", r.response_note);
  core::write_instant(w, "responded_at", r.responded_at, tz);
  w.field("refilled_bill_id", r.refilled_bill_id);
  core::write_instant(w, "closed_at", r.closed_at, tz);
  core::write_instant(w, "created_at", r.created_at, tz);
  w.key("lapse_risk");
  if ((r.status == RefillStatus::kPending || r.status == RefillStatus::kSent) && r.lapse_risk) {
    w.raw(*r.lapse_risk);
  } else {
    w.null();
  }
  w.end_object();
}

nlohmann::json to_json(const RefillReminder& r, std::string_view tz, std::string_view today) {
  core::JsonWriter w;
  write_json(w, r, tz, today);
  return nlohmann::json::parse(w.text());
}

}  // namespace rx::refills
