#include "billing/customer_detail.h"

#include "audit/audit_log.h"
#include "billing/bill_repository.h"
#include "contacts/contact_repository.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_repository.h"
#include "refills/refill_repository.h"
#include "staff/staff_repository.h"

namespace rx::billing {
namespace {

constexpr std::int64_t kDetailRows = 200;

bool may_see_contact(const auth::Principal& actor, const contacts::Contact& contact) {
  return actor.role != auth::Role::kStaff || contact.assigned_staff_id == actor.staff_id;
}

}  // namespace

CustomerDetail CustomerDetailService::get(const auth::Principal& actor, core::CustomerId id) {
  using customers::CustomerRepository;
  CustomerDetail detail;
  detail.today = core::local_date(clock_.now_ms(), actor.time_zone);
  db_.with_connection([&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    auto customer = CustomerRepository::find(c, shop, id);
    if (!customer) core::throw_not_found("customer");
    detail.customer = *customer;
    if (customer->do_not_contact_by) {
      if (auto by = staff::StaffRepository::find(c, actor.shop_id, *customer->do_not_contact_by))
        detail.customer.do_not_contact_by_name = by->name;
    }
    detail.purchases = BillRepository::purchases(c, shop, id, kDetailRows);
    BillFilter bills;
    bills.customer_id = id.value();
    detail.bills = BillRepository::list(c, shop, bills, kDetailRows, 0);
    refills::RefillFilter reminders;
    reminders.customer_id = id.value();
    detail.refill_reminders = refills::RefillRepository::list(c, shop, reminders, kDetailRows, 0);
    if (auto contact = contacts::ContactRepository::find_by_phone(c, shop, customer->phone)) {
      if (may_see_contact(actor, *contact)) {
        detail.contact = std::move(contact);
      } else {
        detail.contact_status_only = std::string(contacts::to_string(contact->status));
      }
    }
    detail.consent_history = CustomerRepository::consent_history(c, shop, id, kDetailRows);
    audit::record(c, actor, audit::kCustomerViewed, "customer", id.value(),
                  {{"fields", customers::medical_fields_present(*customer)}}, clock_.now_ms());
  });
  return detail;
}

}  // namespace rx::billing
