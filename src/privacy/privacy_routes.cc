#include "privacy/privacy_routes.h"

#include "privacy/privacy_json.h"

#include <fmt/format.h>

namespace rx::privacy {

void register_privacy_routes(http::Router& router, PrivacyService& service) {
  const std::string base = "/api/customer-tracking/customers";
  router.get(base + R"(/([^/]+)/export)", http::Access::kOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               const std::int64_t id = ctx.path_id();
               CustomerExport data = service.export_customer(ctx.principal(), id);
               res.set_header("Content-Disposition",
                              fmt::format("attachment; filename=\"customer-{}.json\"", id));
               http::reply_json(res, 200, to_json(data, ctx.principal().time_zone));
             });

  router.post(base + R"(/([^/]+)/erase)", http::Access::kOwner,
              [&service](http::RequestContext& ctx, httplib::Response& res) {
                ErasureResult result = service.erase_customer(ctx.principal(), ctx.path_id());
                http::reply_json(res, 200, to_json(result, ctx.principal().time_zone));
              });
}

}  // namespace rx::privacy
