#include "customers/customer.h"

namespace rx::customers {

void drop_consent_grants_if_opted_out(CustomerFields& fields, const Customer* before) {
  if (!before || !before->opted_out_at) return;
  if (fields.whatsapp_consent.value_or(false)) fields.whatsapp_consent.reset();
  if (fields.sms_consent.value_or(false)) fields.sms_consent.reset();
}

std::vector<std::string> medical_fields_present(const Customer& customer) {
  std::vector<std::string> names;
  if (customer.allergies) names.emplace_back("allergies");
  if (!customer.chronic_conditions.empty()) names.emplace_back("chronic_conditions");
  if (customer.primary_doctor) names.emplace_back("primary_doctor");
  if (customer.notes) names.emplace_back("notes");
  return names;
}

}  // namespace rx::customers
