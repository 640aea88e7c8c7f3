#include "audit/audit_routes.h"

#include "core/error.h"
#include "core/json_values.h"
#include "core/time_zone.h"
#include "http/list_params.h"
#include "http/query_params.h"

namespace rx::audit {
namespace {

constexpr std::size_t kMaxNameLength = 64;

std::optional<std::string> short_text(const http::RequestContext& ctx, const std::string& name) {
  auto text = ctx.query(name);
  if (text && (text->empty() || text->size() > kMaxNameLength)) {
    throw core::AppError(core::ErrorCode::kValidation, name + " must be 1 to 64 characters",
                         {{"fields", {{name, "must be 1 to 64 characters"}}}});
  }
  return text;
}

nlohmann::json to_json(const AuditItem& item, std::string_view tz) {
  nlohmann::json details;
  if (item.details) {
    details = nlohmann::json::parse(*item.details, nullptr, false);
    if (details.is_discarded()) details = *item.details;
  }
  return {{"id", item.id},
          {"at", core::format_instant(item.at, tz)},
          {"staff_id", core::nullable(item.staff_id)},
          {"staff_name", core::nullable(item.staff_name)},
          {"action", item.action},
          {"entity", core::nullable(item.entity)},
          {"entity_id", core::nullable(item.entity_id)},
          {"details", details},
          {"client_ip", core::nullable(item.client_ip)}};
}

}  // namespace

void register_audit_routes(http::Router& router, AuditService& service) {
  router.get("/api/audit", http::Access::kOwner,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               const http::ListParams page = http::read_list_params(ctx);
               AuditQuery query;
               query.action = short_text(ctx, "action");
               query.staff_id = http::query_id(ctx, "staff_id");
               query.entity = short_text(ctx, "entity");
               query.entity_id = http::query_id(ctx, "entity_id");
               query.from = http::query_date(ctx, "from");
               query.to = http::query_date(ctx, "to");
               AuditPage result = service.list(ctx.principal(), query, page.limit, page.offset);
               nlohmann::json items = nlohmann::json::array();
               for (const auto& item : result.items)
                 items.push_back(to_json(item, ctx.principal().time_zone));
               http::reply_json(res, 200, {{"items", items}, {"total", result.total}});
             });
}

}  // namespace rx::audit
