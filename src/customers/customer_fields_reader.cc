#include "customers/customer_fields_reader.h"

#include "phone/phone_normalizer.h"
#include "staff/staff_rules.h"

namespace rx::customers {
namespace {

using core::Presence;

// Present-but-null clears a field; a value sets it; absent leaves it alone.
std::optional<std::optional<std::string>> clearable_text(core::FieldReader& fields,
                                                         const nlohmann::json& body,
                                                         const char* name, std::size_t max) {
  if (!body.contains(name)) return std::nullopt;
  auto value = fields.text(name, Presence::kOptional, max);
  if (value && value->empty()) return std::optional<std::string>();
  return value;
}

std::optional<std::optional<std::int64_t>> clearable_int(core::FieldReader& fields,
                                                         const nlohmann::json& body,
                                                         const char* name, std::int64_t min,
                                                         std::int64_t max) {
  if (!body.contains(name)) return std::nullopt;
  return fields.integer(name, Presence::kOptional, min, max);
}

}  // namespace

CustomerFields read_customer_fields(core::FieldReader& fields, const nlohmann::json& body,
                                    const std::string& phone_region) {
  CustomerFields f;
  if (auto phone = fields.text("phone", Presence::kOptional, 40)) {
    auto normalized = phone::PhoneNormalizer(phone_region).normalize(*phone);
    if (normalized) {
      f.phone = normalized->e164;
    } else {
      fields.fail("phone", normalized.error());
    }
  }
  f.name = clearable_text(fields, body, "name", 200);
  if (auto category = fields.text("category", Presence::kOptional, 40)) {
    f.category = core::enum_from_name<CustomerCategory>(*category);
    if (!f.category) fields.fail("category", std::string(kCategoryChoices));
  }
  f.age = clearable_int(fields, body, "age", 0, 130);
  f.birth_year = clearable_int(fields, body, "birth_year", 1900, 2100);
  f.gender = clearable_text(fields, body, "gender", 30);
  f.address = clearable_text(fields, body, "address", 500);
  f.email = clearable_text(fields, body, "email", 254);
  if (f.email && *f.email && !staff::looks_like_email(**f.email))
    fields.fail("email", "not an email address");
  f.allergies = clearable_text(fields, body, "allergies", 1000);
  f.primary_doctor = clearable_text(fields, body, "primary_doctor", 200);
  f.notes = clearable_text(fields, body, "notes", 4000);
  f.refill_lead_days = clearable_int(fields, body, "refill_lead_days", 0, 60);
  f.prefers_generic = fields.boolean("prefers_generic", Presence::kOptional);
  f.whatsapp_consent = fields.boolean("whatsapp_consent", Presence::kOptional);
  f.sms_consent = fields.boolean("sms_consent", Presence::kOptional);
  if (const nlohmann::json* conditions = fields.raw("chronic_conditions")) {
    std::vector<std::string> list;
    bool ok = conditions->is_array() && conditions->size() <= 30;
    for (const auto& item : ok ? *conditions : nlohmann::json::array()) {
      if (!item.is_string() || item.get<std::string>().size() > 100) {
        ok = false;
        break;
      }
      list.push_back(item.get<std::string>());
    }
    if (ok) {
      f.chronic_conditions = std::move(list);
    } else {
      fields.fail("chronic_conditions", "must be a list of up to 30 conditions");
    }
  } else if (body.contains("chronic_conditions")) {
    f.chronic_conditions = std::vector<std::string>();
  }
  return f;
}

}  // namespace rx::customers
