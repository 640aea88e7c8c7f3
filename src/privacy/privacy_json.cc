#include "privacy/privacy_json.h"

#include "billing/bill_json.h"
#include "contacts/contact_json.h"
#include "core/json_values.h"
#include "core/time_zone.h"
#include "customers/customer_json.h"
#include "refills/refill_json.h"

namespace rx::privacy {
namespace {

nlohmann::json to_json(const ConsentEvent& e, std::string_view tz) {
  return {{"id", e.id},
          {"channel", e.channel},
          {"granted", e.granted},
          {"method", e.method},
          {"staff_id", core::nullable(e.staff_id)},
          {"note", core::nullable(e.note)},
          {"at", core::format_instant(e.at, tz)}};
}

nlohmann::json to_json(const MessageRecord& m, std::string_view tz) {
  return {{"id", m.id},
          {"channel", m.channel},
          {"to_phone", m.to_phone},
          {"template", core::nullable(m.template_name)},
          {"status", m.status},
          {"created_at", core::format_instant(m.created_at, tz)},
          {"sent_at", core::nullable_instant(m.sent_at, tz)},
          {"delivered_at", core::nullable_instant(m.delivered_at, tz)},
          {"read_at", core::nullable_instant(m.read_at, tz)},
          {"failed_at", core::nullable_instant(m.failed_at, tz)}};
}

nlohmann::json to_json(const ContactExport& e, std::string_view tz) {
  nlohmann::json out = contacts::to_json(e.contact, tz);
  nlohmann::json extra = nlohmann::json::object();
  if (e.contact.extra) {
    extra = nlohmann::json::parse(*e.contact.extra, nullptr, false);
    if (extra.is_discarded()) extra = *e.contact.extra;
  }
  out["extra"] = extra;
  out["interactions"] = nlohmann::json::array();
  for (const auto& i : e.interactions) out["interactions"].push_back(contacts::to_json(i, tz));
  out["follow_ups"] = nlohmann::json::array();
  for (const auto& f : e.follow_ups) out["follow_ups"].push_back(contacts::to_json(f, tz));
  return out;
}

template <typename T, typename Fn>
nlohmann::json array_of(const std::vector<T>& items, Fn&& convert) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : items) out.push_back(convert(item));
  return out;
}

}  // namespace

nlohmann::json to_json(const CustomerExport& d, std::string_view tz) {
  return {
      {"exported_at", core::format_instant(d.exported_at, tz)},
      {"customer", customers::to_json(d.customer, tz)},
      {"consent_history",
       array_of(d.consent_events, [&](const auto& e) { return to_json(e, tz); })},
      {"bills", array_of(d.bills, [&](const auto& b) { return billing::to_json(b, tz); })},
      {"purchases", array_of(d.purchases, [](const auto& p) { return billing::to_json(p); })},
      {"refill_reminders",
       array_of(d.refill_reminders,
                [&](const auto& r) { return refills::to_json(r, tz, d.today); })},
      {"contact_records", array_of(d.contacts, [&](const auto& c) { return to_json(c, tz); })},
      {"messages", array_of(d.messages, [&](const auto& m) { return to_json(m, tz); })},
  };
}

nlohmann::json to_json(const ErasureResult& r, std::string_view tz) {
  return {{"customer_id", r.customer_id},
          {"erased_at", core::format_instant(r.erased_at, tz)},
          {"bills_kept", r.bills_kept},
          {"refill_reminders_cancelled", r.refill_reminders_cancelled},
          {"contact_records_erased", r.contact_records_erased}};
}

}  // namespace rx::privacy
