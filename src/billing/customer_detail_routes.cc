#include "billing/customer_detail_routes.h"

#include "billing/bill_json.h"
#include "contacts/contact_json.h"
#include "customers/customer_json.h"
#include "refills/refill_json.h"

namespace rx::billing {

nlohmann::json to_json(const CustomerDetail& d, std::string_view tz) {
  nlohmann::json out = customers::to_json(d.customer, tz);
  out["purchases"] = nlohmann::json::array();
  for (const auto& p : d.purchases) out["purchases"].push_back(to_json(p));
  out["bills"] = nlohmann::json::array();
  for (const auto& b : d.bills) out["bills"].push_back(to_json(b, tz));
  out["refill_reminders"] = nlohmann::json::array();
  for (const auto& r : d.refill_reminders)
    out["refill_reminders"].push_back(refills::to_json(r, tz, d.today));
  if (d.contact) {
    out["contact"] = contacts::to_json(*d.contact, tz);
  } else if (d.contact_status_only) {
    out["contact"] = {{"status", *d.contact_status_only}, {"limited", true}};
  } else {
    out["contact"] = nullptr;
  }
  out["consent_history"] = customers::to_json(d.consent_history, tz);
  return out;
}

void register_customer_detail_routes(http::Router& router, CustomerDetailService& service) {
  router.get(R"(/api/customer-tracking/customers/([^/]+))", http::Access::kSignedIn,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               http::reply_json(
                   res, 200,
                   to_json(service.get(ctx.principal(), core::CustomerId(ctx.path_id())),
                           ctx.principal().time_zone));
             });
}

}  // namespace rx::billing
