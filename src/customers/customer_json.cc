#include "customers/customer_json.h"

#include "billing/bill_json.h"
#include "contacts/contact_json.h"
#include "core/json_values.h"
#include "core/time_zone.h"
#include "refills/refill_json.h"

namespace rx::customers {

using core::nullable;
using core::nullable_instant;

nlohmann::json to_json(const Customer& c, std::string_view tz) {
  return {{"id", c.id},
          {"phone", c.phone},
          {"name", nullable(c.name)},
          {"category", c.category},
          {"age", nullable(c.age)},
          {"birth_year", nullable(c.birth_year)},
          {"gender", nullable(c.gender)},
          {"address", nullable(c.address)},
          {"email", nullable(c.email)},
          {"chronic_conditions", c.chronic_conditions},
          {"allergies", nullable(c.allergies)},
          {"primary_doctor", nullable(c.primary_doctor)},
          {"prefers_generic", c.prefers_generic},
          {"notes", nullable(c.notes)},
          {"visit_count", c.visit_count},
          {"first_visit_at", nullable_instant(c.first_visit_at, tz)},
          {"last_visit_at", nullable_instant(c.last_visit_at, tz)},
          {"total_spent_paise", c.total_spent_paise},
          {"whatsapp_status", c.whatsapp_status},
          {"whatsapp_consent", c.whatsapp_consent},
          {"sms_consent", c.sms_consent},
          {"opted_out_at", nullable_instant(c.opted_out_at, tz)},
          {"erased", c.erased_at.has_value()},
          {"erased_at", nullable_instant(c.erased_at, tz)},
          {"created_at", core::format_instant(c.created_at, tz)},
          {"updated_at", core::format_instant(c.updated_at, tz)}};
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

nlohmann::json to_json(const CustomerDetail& d, std::string_view tz) {
  nlohmann::json out = to_json(d.customer, tz);
  out["purchases"] = nlohmann::json::array();
  for (const auto& p : d.purchases) out["purchases"].push_back(billing::to_json(p));
  out["bills"] = nlohmann::json::array();
  for (const auto& b : d.bills) out["bills"].push_back(billing::to_json(b, tz));
  out["refill_reminders"] = nlohmann::json::array();
  for (const auto& r : d.refill_reminders)
    out["refill_reminders"].push_back(refills::to_json(r, tz, d.today));
  out["contact"] = d.contact ? contacts::to_json(*d.contact, tz) : nlohmann::json();
  out["consent_history"] = to_json(d.consent_history, tz);
  return out;
}

}  // namespace rx::customers
