#include "billing/bill_routes.h"

#include "billing/bill_json.h"
#include "billing/bill_reader.h"
#include "http/list_params.h"
#include "http/query_params.h"

namespace rx::billing {
namespace {

using http::Access;
using http::RequestContext;

BillInput read_bill(const RequestContext& ctx) {
  const auth::Principal& me = ctx.principal();
  return read_bill_input(ctx.json_body(), me.phone_region, me.time_zone);
}

}  // namespace

void register_bill_routes(http::Router& router, BillService& service) {
  router.post("/api/bills", Access::kSignedIn,
              [&service](RequestContext& ctx, httplib::Response& res) {
                BillResult result = service.create(ctx.principal(), read_bill(ctx));
                http::reply_json_text(
                    res, 201, bill_result_json(result, ctx.principal().time_zone, result.today));
              });

  router.get("/api/bills", Access::kSignedIn,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const http::ListParams page = http::read_list_params(ctx);
               BillFilter filter;
               filter.from = http::query_date(ctx, "from");
               filter.to = http::query_date(ctx, "to");
               filter.customer_id = http::query_id(ctx, "customer_id");
               filter.staff_id = http::query_id(ctx, "staff_id");
               BillPage result = service.list(ctx.principal(), filter, page.limit, page.offset);
               core::JsonWriter w;
               w.begin_object().key("items").begin_array();
               for (const auto& b : result.items) write_json(w, b, ctx.principal().time_zone);
               w.end_array().field("total", result.total).end_object();
               http::reply_json_text(res, 200, w.take());
             });

  // The customer as the counter sees them: medical notes, open refills, last purchases.
  router.get(R"(/api/customer-tracking/counter/([^/]+))", Access::kSignedIn,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const auth::Principal& me = ctx.principal();
               http::reply_json_text(
                   res, 200,
                   counter_view_json(service.counter_view(me, ctx.path_param()), me.time_zone));
             });

  router.get(R"(/api/bills/([^/]+))", Access::kSignedIn,
             [&service](RequestContext& ctx, httplib::Response& res) {
               http::reply_json(res, 200,
                                to_json(service.get(ctx.principal(), core::BillId(ctx.path_id())),
                                        ctx.principal().time_zone));
             });
}

}  // namespace rx::billing
