#include "customers/customer_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"

namespace rx::customers {

using core::nullable;
using core::nullable_instant;

void write_json(core::JsonWriter& w, const Customer& c, std::string_view tz) {
  w.begin_object()
      .field("id", c.id)
      .field("phone", c.phone)
      .field("name", c.name)
      .key("category")
      .raw_string(core::enum_name(c.category))
      .field("age", c.age)
      .field("birth_year", c.birth_year)
      .field("refill_lead_days", c.refill_lead_days)
      .field("gender", c.gender)
      .field("address", c.address)
      .field("email", c.email)
      .field("chronic_conditions", c.chronic_conditions)
      .field("allergies", c.allergies)
      .field("primary_doctor", c.primary_doctor)
      .field("prefers_generic", c.prefers_generic)
      .field("notes", c.notes)
      .field("visit_count", c.visit_count);
  core::write_instant(w, "first_visit_at", c.first_visit_at, tz);
  core::write_instant(w, "last_visit_at", c.last_visit_at, tz);
  w.field("total_spent_paise", c.total_spent_paise)
      .field("whatsapp_status", c.whatsapp_status)
      .field("whatsapp_consent", c.whatsapp_consent)
      .field("sms_consent", c.sms_consent);
  core::write_instant(w, "opted_out_at", c.opted_out_at, tz);
  w.field("do_not_contact", c.do_not_contact)
      .field("do_not_contact_by", c.do_not_contact_by)
      .field("do_not_contact_by_name", c.do_not_contact_by_name);
  core::write_instant(w, "do_not_contact_at", c.do_not_contact_at, tz);
  w.field("erased", c.erased_at.has_value());
  core::write_instant(w, "erased_at", c.erased_at, tz);
  core::write_instant(w, "created_at", c.created_at, tz);
  core::write_instant(w, "updated_at", c.updated_at, tz);
  w.end_object();
}

void write_json(core::JsonWriter& w, const CustomerSummary& c, std::string_view tz) {
  w.begin_object()
      .field("id", c.id)
      .field("phone", c.phone)
      .field("name", c.name)
      .key("category")
      .raw_string(core::enum_name(c.category))
      .field("visit_count", c.visit_count);
  core::write_instant(w, "first_visit_at", c.first_visit_at, tz);
  core::write_instant(w, "last_visit_at", c.last_visit_at, tz);
  w.field("total_spent_paise", c.total_spent_paise).field("whatsapp_status", c.whatsapp_status);
  core::write_instant(w, "opted_out_at", c.opted_out_at, tz);
  core::write_instant(w, "created_at", c.created_at, tz);
  core::write_instant(w, "updated_at", c.updated_at, tz);
  w.end_object();
}

nlohmann::json to_json(const Customer& c, std::string_view tz) {
  core::JsonWriter w;
  write_json(w, c, tz);
  return nlohmann::json::parse(w.text());
}

nlohmann::json to_json(const std::vector<ConsentEvent>& history, std::string_view tz) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& e : history) {
    out.push_back({{"channel", e.channel},
                   {"granted", e.granted},
                   {"method", e.method},
                   {"staff_id", nullable(e.staff_id)},
                   {"staff_name", nullable(e.staff_name)},
                   {"note", nullable(e.note)},
                   {"at", core::format_instant(e.at, tz)}});
  }
  return out;
}

}  // namespace rx::customers
