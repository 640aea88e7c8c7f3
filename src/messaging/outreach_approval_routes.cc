#include "messaging/outreach_approval_routes.h"

#include "core/json_fields.h"
#include "http/request_context.h"

#include <algorithm>
#include <set>

namespace rx::messaging {
namespace {

// {"ids": [1, 2, ...]} or {"all": true}: one of the two, never both.
ApprovalRequest read_approval(const nlohmann::json& body) {
  core::FieldReader fields(body);
  ApprovalRequest out;
  const std::optional<bool> all = fields.boolean("all", core::Presence::kOptional);
  const nlohmann::json* ids = fields.raw("ids");
  const bool has_ids = ids != nullptr && !ids->is_null();
  if (all && !*all) fields.fail("all", "must be true when given");
  if (all && *all && has_ids) fields.fail("ids", "give ids or all, not both");
  if (!(all && *all) && !has_ids) fields.fail("ids", "give the ids to approve, or all: true");
  out.all = all.value_or(false);
  if (has_ids && !out.all) {
    std::set<std::int64_t> seen;
    const bool shape_ok = ids->is_array() && !ids->empty() &&
                          ids->size() <= ApprovalRequest::kMaxIds &&
                          std::all_of(ids->begin(), ids->end(), [](const nlohmann::json& id) {
                            return id.is_number_integer() && id.get<std::int64_t>() > 0;
                          });
    if (!shape_ok) {
      fields.fail("ids", "must be a list of 1 to 500 message ids");
    } else {
      for (const auto& id : *ids) {
        if (seen.insert(id.get<std::int64_t>()).second) {
          out.ids.emplace_back(id.get<std::int64_t>());
        }
      }
    }
  }
  fields.finish();
  return out;
}

}  // namespace

void register_outreach_approval_routes(http::Router& router, OutreachApprovalService& approvals) {
  router.post("/api/messages/approve", http::Access::kManagerOrOwner,
              [&approvals](http::RequestContext& ctx, httplib::Response& res) {
                const ApprovalRequest request = read_approval(ctx.json_body());
                const std::vector<core::MessageId> approved =
                    approvals.approve(ctx.principal(), request);
                nlohmann::json ids = nlohmann::json::array();
                for (core::MessageId id : approved) ids.push_back(id.value());
                http::reply_json(res, 200, {{"approved", approved.size()}, {"ids", ids}});
              });
}

}  // namespace rx::messaging
