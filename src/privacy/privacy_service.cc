#include "privacy/privacy_service.h"

#include "audit/audit_log.h"
#include "billing/bill_repository.h"
#include "contacts/contact_repository.h"
#include "contacts/follow_up_repository.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_repository.h"
#include "refills/refill_repository.h"

namespace rx::privacy {
namespace {

// An export is complete: no page limits below what one customer could ever reach.
constexpr std::int64_t kEverything = 1'000'000'000;

}  // namespace

CustomerExport PrivacyService::export_customer(const auth::Principal& actor,
                                               std::int64_t customer_id) {
  CustomerExport out;
  out.exported_at = clock_.now_ms();
  out.today = core::local_date(out.exported_at, actor.time_zone);
  const std::int64_t shop = actor.shop_id;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto customer =
        customers::CustomerRepository::find(c, core::ShopId(shop), core::CustomerId(customer_id));
    if (!customer) core::throw_not_found("customer");
    out.customer = *customer;
    out.consent_events = PrivacyRepository::consent_events(c, shop, customer_id);
    billing::BillFilter bills;
    bills.customer_id = customer_id;
    for (const auto& listed :
         billing::BillRepository::list(c, core::ShopId(shop), bills, kEverything, 0)) {
      out.bills.push_back(
          *billing::BillRepository::find(c, core::ShopId(shop), core::BillId(listed.id)));
    }
    out.purchases = billing::BillRepository::purchases(c, core::ShopId(shop),
                                                       core::CustomerId(customer_id), kEverything);
    refills::RefillFilter reminders;
    reminders.customer_id = customer_id;
    out.refill_reminders =
        refills::RefillRepository::list(c, core::ShopId(shop), reminders, kEverything, 0);
    for (std::int64_t id : PrivacyRepository::contact_ids(c, shop, customer_id, customer->phone)) {
      const core::ShopId in_shop(shop);
      const core::ContactId contact(id);
      out.contacts.push_back({*contacts::ContactRepository::find(c, in_shop, contact),
                              contacts::ContactRepository::interactions(c, in_shop, contact),
                              contacts::FollowUpRepository::for_contact(c, in_shop, contact)});
    }
    out.messages = PrivacyRepository::messages(c, shop, customer_id);
    audit::record(c, actor, audit::kCustomerExported, "customer", customer_id,
                  {{"bills", out.bills.size()}, {"contact_records", out.contacts.size()}},
                  out.exported_at);
  });
  return out;
}

ErasureResult PrivacyService::erase_customer(const auth::Principal& actor,
                                             std::int64_t customer_id) {
  ErasureResult result;
  result.customer_id = customer_id;
  result.erased_at = clock_.now_ms();
  const std::int64_t now = result.erased_at;
  const std::int64_t shop = actor.shop_id;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto customer =
        customers::CustomerRepository::find(c, core::ShopId(shop), core::CustomerId(customer_id));
    if (!customer) core::throw_not_found("customer");
    if (customer->erased_at || !PrivacyRepository::erase_customer(c, shop, customer_id, now)) {
      throw core::AppError(core::ErrorCode::kConflict, "this customer was already erased");
    }
    // The withdrawal is itself part of the consent history.
    customers::CustomerRepository::record_consent(c, core::ShopId(shop),
                                                  core::CustomerId(customer_id), "all", false,
                                                  "staff", core::StaffId(actor.staff_id), now);
    const auto cancelled = PrivacyRepository::cancel_open_refills(c, shop, customer_id, now);
    for (std::int64_t id : cancelled) {
      refills::RefillRepository::add_event(c, core::ShopId(shop), core::RefillReminderId(id),
                                           "cancelled", std::nullopt, std::nullopt, std::nullopt,
                                           core::StaffId(actor.staff_id), now);
    }
    PrivacyRepository::erase_customer_history(c, shop, customer_id, now);
    const auto contact_ids = PrivacyRepository::contact_ids(c, shop, customer_id, customer->phone);
    for (std::int64_t id : contact_ids) PrivacyRepository::erase_contact(c, shop, id, now);
    PrivacyRepository::erase_messages(c, shop, customer_id, now);
    PrivacyRepository::erase_inbound_messages(c, shop, customer_id, customer->phone, contact_ids);

    result.bills_kept = PrivacyRepository::bill_count(c, shop, customer_id);
    result.refill_reminders_cancelled = static_cast<std::int64_t>(cancelled.size());
    result.contact_records_erased = static_cast<std::int64_t>(contact_ids.size());
    audit::record(c, actor, audit::kCustomerErased, "customer", customer_id,
                  {{"bills_kept", result.bills_kept},
                   {"refill_reminders_cancelled", result.refill_reminders_cancelled},
                   {"contact_records_erased", result.contact_records_erased}},
                  now);
  });
  return result;
}

}  // namespace rx::privacy
