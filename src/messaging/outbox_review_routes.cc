#include "messaging/outbox_review_routes.h"

#include "core/json_fields.h"
#include "http/query_params.h"
#include "messaging/message_json.h"

namespace rx::messaging {

using http::Access;
using http::RequestContext;

namespace {

nlohmann::json to_json(const DailyCounts& counts) {
  nlohmann::json days = nlohmann::json::array();
  for (const DailyCount& d : counts.days) {
    days.push_back({{"date", d.date},
                    {"queued", d.queued},
                    {"sent", d.sent},
                    {"delivered", d.delivered},
                    {"read", d.read},
                    {"failed", d.failed},
                    {"awaiting_approval", d.awaiting_approval},
                    {"expired", d.expired},
                    {"total", d.total}});
  }
  return {{"from", counts.from}, {"to", counts.to}, {"days", days}};
}

TestMessageRequest read_test_request(const nlohmann::json& body) {
  core::FieldReader fields(body);
  TestMessageRequest out;
  auto channel = fields.text("channel", core::Presence::kRequired, 20);
  const std::optional<MessageChannel> known =
      channel ? core::enum_from_name<MessageChannel>(*channel) : std::nullopt;
  if (channel && !known) fields.fail("channel", "must be whatsapp or sms");
  auto phone = fields.text("phone", core::Presence::kRequired, 40);
  fields.finish();
  out.channel = *known;
  out.phone = *phone;
  return out;
}

}  // namespace

void register_outbox_review_routes(http::Router& router, OutboxReviewService& review,
                                   TestMessageService& test_messages) {
  router.post(R"(/api/messages/([^/]+)/retry)", Access::kManagerOrOwner,
              [&review](RequestContext& ctx, httplib::Response& res) {
                const Message m = review.retry(ctx.principal(), core::MessageId(ctx.path_id()));
                http::reply_json(res, 200, messaging::to_json(m, ctx.principal().time_zone));
              });

  router.get("/api/messages/daily", Access::kManagerOrOwner,
             [&review](RequestContext& ctx, httplib::Response& res) {
               const DailyCounts counts = review.daily(
                   ctx.principal(), http::query_date(ctx, "from"), http::query_date(ctx, "to"));
               http::reply_json(res, 200, to_json(counts));
             });

  router.post(
      "/api/shop/messaging/test", Access::kOwner,
      [&test_messages](RequestContext& ctx, httplib::Response& res) {
        const Message m = test_messages.send(ctx.principal(), read_test_request(ctx.json_body()));
        http::reply_json(res, 201, {{"message", messaging::to_json(m, ctx.principal().time_zone)}});
      });
}

}  // namespace rx::messaging
