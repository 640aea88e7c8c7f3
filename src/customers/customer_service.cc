#include "customers/customer_service.h"

#include "audit/audit_log.h"
#include "contacts/contact_repository.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_audit.h"
#include "customers/customer_repository.h"
#include "phone/phone_normalizer.h"

namespace rx::customers {

using core::AppError;
using core::ErrorCode;

namespace {

// The audit entry's details for a read that returns the customer's medical fields: their names.
nlohmann::json viewed_fields(const Customer& customer) {
  return {{"fields", medical_fields_present(customer)}};
}

[[noreturn]] void phone_taken(std::int64_t existing_id) {
  throw AppError(ErrorCode::kConflict, "a customer with this phone already exists",
                 {{"existing_id", existing_id}, {"fields", {{"phone", "already a customer"}}}});
}

}  // namespace

Customer CustomerService::create(const auth::Principal& actor, const CustomerFields& fields) {
  nlohmann::json missing = nlohmann::json::object();
  if (!fields.phone) missing["phone"] = "required";
  if (!fields.category) missing["category"] = "required";
  if (!missing.empty())
    throw AppError(ErrorCode::kValidation, "phone and category are required",
                   {{"fields", missing}});
  Customer created;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    if (auto existing = CustomerRepository::find_by_phone(c, shop, *fields.phone))
      phone_taken(existing->id);
    const std::int64_t now = clock_.now_ms();
    const core::CustomerId id = CustomerRepository::insert(c, shop, fields, now);
    CustomerRepository::record_consent_changes(c, shop, id, fields, nullptr, "staff",
                                               core::StaffId(actor.staff_id), now);
    audit_customer_change(c, actor, id, fields, nullptr, "customer", now);
    if (auto contact = contacts::ContactRepository::find_by_phone(c, core::ShopId(actor.shop_id),
                                                                  *fields.phone)) {
      contacts::ContactRepository::link_customer(c, core::ShopId(actor.shop_id),
                                                 core::ContactId(contact->id), id, now);
    }
    created = *CustomerRepository::find(c, shop, id);
  });
  return created;
}

CustomerPage CustomerService::list(const auth::Principal& actor, CustomerFilter filter,
                                   std::int64_t limit, std::int64_t offset) {
  filter.today = core::local_date(clock_.now_ms(), actor.time_zone);
  CustomerPage page;
  db_.with_connection([&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    page.items = CustomerRepository::list(c, shop, filter, limit, offset);
    page.total = CustomerRepository::count(c, shop, filter);
  });
  return page;
}

Customer CustomerService::update(const auth::Principal& actor, core::CustomerId id,
                                 const CustomerFields& fields) {
  Customer updated;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    auto before = CustomerRepository::find(c, shop, id);
    if (!before) core::throw_not_found("customer");
    if (before->erased_at) throw AppError(ErrorCode::kConflict, "this customer was erased");
    if (fields.phone && *fields.phone != before->phone) {
      if (auto taken = CustomerRepository::find_by_phone(c, shop, *fields.phone))
        phone_taken(taken->id);
    }
    const std::int64_t now = clock_.now_ms();
    CustomerFields changes = fields;
    drop_consent_grants_if_opted_out(changes, &*before);
    CustomerRepository::update(c, shop, id, changes, now);
    CustomerRepository::record_consent_changes(c, shop, id, changes, &*before, "staff",
                                               core::StaffId(actor.staff_id), now);
    audit_customer_change(c, actor, id, fields, &*before, "customer", now);
    updated = *CustomerRepository::find(c, shop, id);
  });
  return updated;
}

Customer CustomerService::by_phone(const auth::Principal& actor, const std::string& raw_phone) {
  auto phone = phone::PhoneNormalizer(actor.phone_region).normalize(raw_phone);
  if (!phone) {
    throw AppError(ErrorCode::kValidation, "not a phone number: " + phone.error(),
                   {{"fields", {{"phone", phone.error()}}}});
  }
  std::optional<Customer> found;
  db_.with_connection([&](storage::Connection& c) {
    found = CustomerRepository::find_by_phone(c, core::ShopId(actor.shop_id), phone->e164);
    if (found) {
      nlohmann::json details = viewed_fields(*found);
      details["via"] = "phone";
      audit::record(c, actor, audit::kCustomerViewed, "customer", found->id, details,
                    clock_.now_ms());
    }
  });
  if (!found) core::throw_not_found("customer");
  return *found;
}

}  // namespace rx::customers
