#pragma once

#include "core/enum_names.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::customers {

// How a customer came to the shop: from the contact sheet, with a first prescription, as a
// regular buyer of branded medicines, or told about generics.
enum class CustomerCategory {
  kContactSheet,
  kFirstTimePrescription,
  kRegularBranded,
  kGenericInformed
};

}  // namespace rx::customers

template <>
struct rx::core::EnumNames<rx::customers::CustomerCategory> {
  using enum rx::customers::CustomerCategory;
  static constexpr auto kNames = spellings<rx::customers::CustomerCategory>(
      kContactSheet, "contact_sheet", kFirstTimePrescription, "first_time_prescription",
      kRegularBranded, "regular_branded", kGenericInformed, "generic_informed");
};

namespace rx::customers {

// Every category's name, in the order above (reports count customers by each).
inline constexpr std::array<std::string_view, 4> kCategories = [] {
  std::array<std::string_view, 4> names{};
  for (std::size_t i = 0; i < names.size(); ++i)
    names[i] = core::EnumNames<CustomerCategory>::kNames[i].second;
  return names;
}();
// The 422 reason for a category that is none of them.
inline constexpr std::string_view kCategoryChoices =
    "must be contact_sheet, first_time_prescription, regular_branded or generic_informed";

struct Customer {
  std::int64_t id = 0;
  std::string phone;
  std::optional<std::string> name;
  CustomerCategory category = CustomerCategory::kContactSheet;
  std::optional<std::int64_t> age;
  std::optional<std::int64_t> birth_year;
  std::optional<std::string> gender;
  std::optional<std::string> address;
  std::optional<std::string> email;
  std::vector<std::string> chronic_conditions;
  std::optional<std::string> allergies;
  std::optional<std::string> primary_doctor;
  bool prefers_generic = false;
  std::optional<std::string> notes;
  // Days before a medicine runs out to remind this customer; nullopt: the shop's cadence.
  std::optional<std::int64_t> refill_lead_days;
  std::int64_t visit_count = 0;
  std::optional<std::int64_t> first_visit_at;
  std::optional<std::int64_t> last_visit_at;
  std::int64_t total_spent_paise = 0;
  std::string whatsapp_status = "unknown";
  bool whatsapp_consent = false;
  bool sms_consent = false;
  std::optional<std::int64_t> opted_out_at;
  // The person asked not to be called or messaged (a contact's outcome do_not_call, for this
  // phone); who set it (staff id) and when. Only an owner lifts it.
  bool do_not_contact = false;
  std::optional<std::int64_t> do_not_contact_by;
  std::optional<std::int64_t> do_not_contact_at;
  std::optional<std::string> do_not_contact_by_name;  // for the detail view; not a column
  std::optional<std::int64_t> erased_at;              // personal and medical details removed (DPDP)
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// What a list of customers shows of each: who they are and how they buy, never their medical,
// contact or personal details (those come with the audited detail view).
struct CustomerSummary {
  std::int64_t id = 0;
  std::string phone;
  std::optional<std::string> name;
  CustomerCategory category = CustomerCategory::kContactSheet;
  std::int64_t visit_count = 0;
  std::optional<std::int64_t> first_visit_at;
  std::optional<std::int64_t> last_visit_at;
  std::int64_t total_spent_paise = 0;
  std::string whatsapp_status = "unknown";
  std::optional<std::int64_t> opted_out_at;
  std::int64_t created_at = 0;
  std::int64_t updated_at = 0;
};

// The names of the medical fields `customer` holds a value for (allergies, chronic_conditions,
// primary_doctor, notes), for the audit entry of a read that returns them.
std::vector<std::string> medical_fields_present(const Customer& customer);

// Fields a request may set. Absent: unchanged. A nested optional holding nullopt: cleared.
struct CustomerFields {
  std::optional<std::string> phone;  // E.164, already normalised
  std::optional<std::optional<std::string>> name;
  std::optional<CustomerCategory> category;
  std::optional<std::optional<std::int64_t>> age;
  std::optional<std::optional<std::int64_t>> birth_year;
  std::optional<std::optional<std::string>> gender;
  std::optional<std::optional<std::string>> address;
  std::optional<std::optional<std::string>> email;
  std::optional<std::vector<std::string>> chronic_conditions;
  std::optional<std::optional<std::string>> allergies;
  std::optional<std::optional<std::string>> primary_doctor;
  std::optional<bool> prefers_generic;
  std::optional<std::optional<std::string>> notes;
  std::optional<std::optional<std::int64_t>> refill_lead_days;  // 0..60
  std::optional<bool> whatsapp_consent;
  std::optional<bool> sms_consent;
};

// A bill, or a visit without purchase, at `at_ms` spending `spent_paise`.
struct Visit {
  std::int64_t at_ms = 0;
  std::int64_t spent_paise = 0;
};

// One change of consent: a channel granted or withdrawn ("all" for an opt-out), how and by whom.
struct ConsentEvent {
  std::string channel;  // whatsapp, sms, all
  bool granted = false;
  std::string method;  // counter, form, reply, staff
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> staff_name;
  std::optional<std::string> note;
  std::int64_t at = 0;
};

// Throws nothing.
// After an opt-out, only the consent endpoint (an explicit act with its own event) grants again:
// a bill or profile edit that sends consent flags set keeps the customer opted out.
void drop_consent_grants_if_opted_out(CustomerFields& fields, const Customer* before);

struct CustomerFilter {
  std::optional<CustomerCategory> category;
  std::optional<std::string> query;  // part of the name, or digits of the phone
  std::optional<std::string> chronic_condition;
  std::optional<bool> prefers_generic;
  std::optional<bool> has_due_refill;
  std::string today;  // shop-local date, set by the service
};

}  // namespace rx::customers
