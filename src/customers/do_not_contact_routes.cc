#include "customers/do_not_contact_routes.h"

#include "core/json_values.h"

namespace rx::customers {
namespace {

void reply(httplib::Response& res, const DoNotContactLifted& lifted) {
  nlohmann::json body = {
      {"do_not_contact", false}, {"contact_id", nullptr}, {"customer_id", nullptr}};
  if (lifted.contact_id) body["contact_id"] = lifted.contact_id->value();
  if (lifted.customer_id) body["customer_id"] = lifted.customer_id->value();
  http::reply_json(res, 200, body);
}

}  // namespace

void register_do_not_contact_routes(http::Router& router, DoNotContactService& service) {
  router.del(R"(/api/customer-tracking/contacts/([^/]+)/do-not-contact)", http::Access::kOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               reply(res,
                     service.lift_for_contact(ctx.principal(), core::ContactId(ctx.path_id())));
             });
  router.del(R"(/api/customer-tracking/customers/([^/]+)/do-not-contact)", http::Access::kOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               reply(res,
                     service.lift_for_customer(ctx.principal(), core::CustomerId(ctx.path_id())));
             });
}

}  // namespace rx::customers
