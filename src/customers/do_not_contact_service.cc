#include "customers/do_not_contact_service.h"

#include "audit/audit_log.h"
#include "contacts/contact_repository.h"
#include "contacts/do_not_contact_repository.h"
#include "core/error.h"
#include "customers/customer_repository.h"

#include <string>

namespace rx::customers {
namespace {

void require_owner(const auth::Principal& actor) {
  if (actor.role != auth::Role::kOwner) {
    throw core::AppError(core::ErrorCode::kForbidden,
                         "only an owner may allow calls and messages again");
  }
}

// Lifts the mark of the person with this phone and audits it against `entity`.
DoNotContactLifted lift(storage::Connection& c, const auth::Principal& actor,
                        const std::string& phone, std::string_view entity, std::int64_t entity_id,
                        std::int64_t now) {
  const core::ShopId shop(actor.shop_id);
  DoNotContactLifted out;
  if (auto contact = contacts::ContactRepository::find_by_phone(c, shop, phone))
    out.contact_id = core::ContactId(contact->id);
  const contacts::DoNotContactRepository::Change change =
      contacts::DoNotContactRepository::lift_for_phone(c, shop, phone, now);
  out.customer_id = change.customer_id;
  if (!change.contact_was_set && !change.customer_was_set) return out;
  nlohmann::json details = {{"field", "do_not_contact"},
                            {"before", true},
                            {"after", false},
                            {"contact_id", nullptr},
                            {"customer_id", nullptr}};
  if (out.contact_id) details["contact_id"] = out.contact_id->value();
  if (out.customer_id) details["customer_id"] = out.customer_id->value();
  audit::record(c, actor, contacts::kDoNotContactLiftedAction, entity, entity_id, details, now);
  return out;
}

}  // namespace

DoNotContactLifted DoNotContactService::lift_for_contact(const auth::Principal& actor,
                                                         core::ContactId id) {
  require_owner(actor);
  DoNotContactLifted out;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto contact = contacts::ContactRepository::find(c, core::ShopId(actor.shop_id), id);
    if (!contact) core::throw_not_found("contact");
    out = lift(c, actor, contact->phone, "contact", id.value(), clock_.now_ms());
  });
  return out;
}

DoNotContactLifted DoNotContactService::lift_for_customer(const auth::Principal& actor,
                                                          core::CustomerId id) {
  require_owner(actor);
  DoNotContactLifted out;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto customer = CustomerRepository::find(c, core::ShopId(actor.shop_id), id);
    if (!customer) core::throw_not_found("customer");
    out = lift(c, actor, customer->phone, "customer", id.value(), clock_.now_ms());
  });
  return out;
}

}  // namespace rx::customers
