// BillService::counter_view: the customer as the counter sees them once the phone is typed.
#include "audit/audit_log.h"
#include "billing/bill_repository.h"
#include "billing/bill_service.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_repository.h"
#include "phone/phone_normalizer.h"
#include "refills/refill_repository.h"

namespace rx::billing {
namespace {

// Enough to see what the customer usually buys without scrolling past the bill on a phone.
constexpr std::int64_t kLastPurchases = 5;
constexpr std::int64_t kOpenReminders = 20;

}  // namespace

CounterView BillService::counter_view(const auth::Principal& actor, const std::string& raw_phone) {
  auto phone = phone::PhoneNormalizer(actor.phone_region).normalize(raw_phone);
  if (!phone) {
    throw core::AppError(core::ErrorCode::kValidation, "not a phone number: " + phone.error(),
                         {{"fields", {{"phone", phone.error()}}}});
  }
  const std::int64_t now = clock_.now_ms();
  CounterView view;
  view.today = core::local_date(now, actor.time_zone);
  bool found = false;
  db_.with_connection([&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    auto customer = customers::CustomerRepository::find_by_phone(c, shop, phone->e164);
    if (!customer) return;
    found = true;
    view.customer = std::move(*customer);
    refills::RefillFilter open;
    open.customer_id = view.customer.id;
    open.open_only = true;
    view.open_refill_reminders =
        refills::RefillRepository::list(c, core::ShopId(actor.shop_id), open, kOpenReminders, 0);
    view.last_purchases =
        BillRepository::purchases(c, shop, core::CustomerId(view.customer.id), kLastPurchases);
    audit::record(c, actor, audit::kCustomerViewed, "customer", view.customer.id,
                  {{"via", "counter"}}, now);
  });
  if (!found) core::throw_not_found("customer");
  return view;
}

}  // namespace rx::billing
