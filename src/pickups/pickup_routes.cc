#include "pickups/pickup_routes.h"

#include "http/list_params.h"
#include "http/query_params.h"
#include "pickups/pickup_json.h"

namespace rx::pickups {
namespace {

using http::Access;
using http::RequestContext;

constexpr std::string_view kBase = "/api/customer-tracking/pickups";

}  // namespace

void register_pickup_routes(http::Router& router, PickupService& service) {
  const std::string base(kBase);
  router.get(base, Access::kSignedIn, [&service](RequestContext& ctx, httplib::Response& res) {
    const http::ListParams page = http::read_list_params(ctx);
    PickupFilter filter;
    if (auto status =
            http::query_choice(ctx, "status", {"waiting", "ready", "collected", "cancelled"})) {
      filter.status = core::enum_from_name<PickupStatus>(*status);
    }
    filter.customer_id = http::query_id(ctx, "customer_id");
    const PickupPage result = service.list(ctx.principal(), filter, page.limit, page.offset);
    nlohmann::json items = nlohmann::json::array();
    for (const Pickup& p : result.items) items.push_back(to_json(p, ctx.principal().time_zone));
    http::reply_json(res, 200, {{"items", items}, {"total", result.total}});
  });

  router.post(base + R"(/([^/]+)/ready)", Access::kSignedIn,
              [&service](RequestContext& ctx, httplib::Response& res) {
                const Pickup p = service.ready(ctx.principal(), PickupId(ctx.path_id()));
                http::reply_json(res, 200, to_json(p, ctx.principal().time_zone));
              });

  router.post(base + R"(/([^/]+)/cancel)", Access::kSignedIn,
              [&service](RequestContext& ctx, httplib::Response& res) {
                const Pickup p = service.cancel(ctx.principal(), PickupId(ctx.path_id()));
                http::reply_json(res, 200, to_json(p, ctx.principal().time_zone));
              });
}

}  // namespace rx::pickups
