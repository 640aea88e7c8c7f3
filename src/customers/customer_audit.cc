#include "customers/customer_audit.h"

#include "audit/audit_log.h"
#include "customers/customer_repository.h"

#include <algorithm>

namespace rx::customers {
namespace {

template <typename T>
bool changes(const std::optional<T>& change, const T& current) {
  return change && *change != current;
}

std::vector<std::string> condition_keys(const std::vector<std::string>& conditions) {
  std::vector<std::string> keys;
  for (const auto& c : conditions) {
    std::string key = condition_key(c);
    if (!key.empty()) keys.push_back(std::move(key));
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  return keys;
}

struct ChangedFields {
  nlohmann::json medical = nlohmann::json::array();
  nlohmann::json profile = nlohmann::json::array();
  nlohmann::json consent = nlohmann::json::object();
};

// `was` is an empty profile for a new customer (`is_new`): then every field given is a change,
// the category too, though an empty profile's category holds a value.
ChangedFields changed_fields(const CustomerFields& f, const Customer& was, bool is_new) {
  ChangedFields out;
  if (changes(f.allergies, was.allergies)) out.medical.push_back("allergies");
  if (f.chronic_conditions &&
      condition_keys(*f.chronic_conditions) != condition_keys(was.chronic_conditions)) {
    out.medical.push_back("chronic_conditions");
  }
  if (changes(f.primary_doctor, was.primary_doctor)) out.medical.push_back("primary_doctor");
  if (changes(f.notes, was.notes)) out.medical.push_back("notes");
  if (changes(f.phone, was.phone)) out.profile.push_back("phone");
  if (changes(f.name, was.name)) out.profile.push_back("name");
  if (f.category && (is_new || *f.category != was.category)) out.profile.push_back("category");
  if (changes(f.age, was.age)) out.profile.push_back("age");
  if (changes(f.birth_year, was.birth_year)) out.profile.push_back("birth_year");
  if (changes(f.refill_lead_days, was.refill_lead_days)) out.profile.push_back("refill_lead_days");
  if (changes(f.gender, was.gender)) out.profile.push_back("gender");
  if (changes(f.address, was.address)) out.profile.push_back("address");
  if (changes(f.email, was.email)) out.profile.push_back("email");
  if (changes(f.prefers_generic, was.prefers_generic)) out.profile.push_back("prefers_generic");
  if (changes(f.whatsapp_consent, was.whatsapp_consent))
    out.consent["whatsapp"] = *f.whatsapp_consent;
  if (changes(f.sms_consent, was.sms_consent)) out.consent["sms"] = *f.sms_consent;
  return out;
}

}  // namespace

void audit_customer_change(storage::Connection& c, const auth::Principal& who,
                           core::CustomerId customer_id, const CustomerFields& fields,
                           const Customer* before, std::string_view via, std::int64_t now_ms) {
  // A new customer is compared with an empty profile: everything it was given is a change.
  const Customer empty;
  const ChangedFields changed = changed_fields(fields, before ? *before : empty, !before);
  if (!before) {
    nlohmann::json names = changed.profile;
    for (const auto& name : changed.medical) names.push_back(name);
    audit::record(c, who, audit::kCustomerCreated, "customer", customer_id.value(),
                  {{"fields", names}, {"via", via}}, now_ms);
  } else {
    if (!changed.medical.empty()) {
      audit::record(c, who, audit::kMedicalChanged, "customer", customer_id.value(),
                    {{"fields", changed.medical}, {"via", via}}, now_ms);
    }
    if (!changed.profile.empty()) {
      audit::record(c, who, audit::kProfileChanged, "customer", customer_id.value(),
                    {{"fields", changed.profile}, {"via", via}}, now_ms);
    }
  }
  if (!changed.consent.empty()) {
    audit::record(c, who, audit::kConsentChanged, "customer", customer_id.value(),
                  {{"consent", changed.consent}, {"via", via}}, now_ms);
  }
}

}  // namespace rx::customers
