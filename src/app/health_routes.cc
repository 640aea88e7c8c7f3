#include "app/health_routes.h"

namespace rx::app {

void register_health_routes(http::Router& router, storage::Database& db) {
  router.get("/healthz", http::Access::kPublic,
             [&db](http::RequestContext&, httplib::Response& res) {
               db.with_connection([](storage::Connection& c) { c.query("SELECT 1"); });
               http::reply_json(res, 200, {{"status", "ok"}});
             });
}

}  // namespace rx::app
