#include "customers/customer_routes.h"

#include "customers/customer_fields_reader.h"
#include "customers/customer_json.h"
#include "http/list_params.h"
#include "http/query_params.h"

namespace rx::customers {
namespace {

using http::Access;
using http::RequestContext;

constexpr std::string_view kBase = "/api/customer-tracking/customers";

CustomerFields read_fields(const RequestContext& ctx) {
  nlohmann::json body = ctx.json_body();
  core::FieldReader fields(body);
  CustomerFields out = read_customer_fields(fields, body, ctx.principal().phone_region);
  fields.finish();
  return out;
}

}  // namespace

void register_customer_routes(http::Router& router, CustomerService& service) {
  const std::string base(kBase);
  router.post(base, Access::kSignedIn, [&service](RequestContext& ctx, httplib::Response& res) {
    Customer created = service.create(ctx.principal(), read_fields(ctx));
    http::reply_json(res, 201, to_json(created, ctx.principal().time_zone));
  });

  router.get(base, Access::kSignedIn, [&service](RequestContext& ctx, httplib::Response& res) {
    const http::ListParams page = http::read_list_params(ctx);
    CustomerFilter filter;
    if (auto category = http::query_choice(
            ctx, "category",
            {"contact_sheet", "first_time_prescription", "regular_branded", "generic_informed"}))
      filter.category = core::enum_from_name<CustomerCategory>(*category);
    filter.query = ctx.query("q");
    filter.chronic_condition = ctx.query("chronic_condition");
    filter.prefers_generic = http::query_bool(ctx, "prefers_generic");
    filter.has_due_refill = http::query_bool(ctx, "has_due_refill");
    CustomerPage result = service.list(ctx.principal(), filter, page.limit, page.offset);
    core::JsonWriter w;
    w.begin_object().key("items").begin_array();
    for (const auto& c : result.items) write_json(w, c, ctx.principal().time_zone);
    w.end_array().field("total", result.total).end_object();
    http::reply_json_text(res, 200, w.take());
  });

  router.get(base + R"(/phone/([^/]+))", Access::kSignedIn,
             [&service](RequestContext& ctx, httplib::Response& res) {
               http::reply_json(res, 200,
                                to_json(service.by_phone(ctx.principal(), ctx.path_param()),
                                        ctx.principal().time_zone));
             });

  router.put(base + R"(/([^/]+))", Access::kSignedIn,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const core::CustomerId id(ctx.path_id());
               Customer updated = service.update(ctx.principal(), id, read_fields(ctx));
               http::reply_json(res, 200, to_json(updated, ctx.principal().time_zone));
             });
}

}  // namespace rx::customers
