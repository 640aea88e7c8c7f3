#include "messaging/messaging_routes.h"

#include "core/json_fields.h"
#include "http/list_params.h"
#include "http/query_params.h"
#include "messaging/message_json.h"
#include "messaging/messaging_settings_json.h"

namespace rx::messaging {

using http::Access;
using http::RequestContext;

namespace {

nlohmann::json settings_json(const MessagingSettings& settings, const auth::Principal& reader) {
  const SettingsView view =
      reader.role == auth::Role::kOwner ? SettingsView::kOwner : SettingsView::kManager;
  return to_json(settings, view, reader.time_zone);
}

// {"channel": "whatsapp" | "sms"}
WebhookChannel read_rotation_channel(const nlohmann::json& body) {
  core::FieldReader fields(body);
  const auto name = fields.text("channel", core::Presence::kRequired, 20);
  std::optional<WebhookChannel> channel;
  if (name) {
    channel = core::enum_from_name<WebhookChannel>(*name);
    if (!channel) fields.fail("channel", "must be whatsapp or sms");
  }
  fields.finish();
  return *channel;
}

}  // namespace

void register_messaging_routes(http::Router& router, MessagingSettingsService& settings,
                               MessageService& messages) {
  router.get("/api/shop/messaging", Access::kManagerOrOwner,
             [&settings](RequestContext& ctx, httplib::Response& res) {
               http::reply_json(res, 200,
                                settings_json(settings.get(ctx.principal()), ctx.principal()));
             });

  router.put("/api/shop/messaging", Access::kOwner,
             [&settings](RequestContext& ctx, httplib::Response& res) {
               const MessagingSettingsChanges changes = read_settings_changes(ctx.json_body());
               http::reply_json(
                   res, 200,
                   settings_json(settings.update(ctx.principal(), changes), ctx.principal()));
             });

  router.post(
      "/api/shop/webhook-keys/rotate", Access::kOwner,
      [&settings](RequestContext& ctx, httplib::Response& res) {
        const WebhookChannel channel = read_rotation_channel(ctx.json_body());
        http::reply_json(
            res, 200,
            settings_json(settings.rotate_webhook_key(ctx.principal(), channel), ctx.principal()));
      });

  router.get(
      "/api/messages", Access::kManagerOrOwner,
      [&messages](RequestContext& ctx, httplib::Response& res) {
        const http::ListParams page = http::read_list_params(ctx);
        MessageQuery query;
        if (auto status = http::query_choice(ctx, "status",
                                             {"queued", "sending", "sent", "delivered", "read",
                                              "failed", "awaiting_approval", "expired"})) {
          query.filter.status = core::enum_from_name<MessageStatus>(*status);
        }
        if (auto channel = http::query_choice(ctx, "channel", {"whatsapp", "sms"})) {
          query.filter.channel = core::enum_from_name<MessageChannel>(*channel);
        }
        query.filter.customer_id = http::query_id(ctx, "customer_id");
        query.filter.reminder_id = http::query_id(ctx, "reminder_id");
        query.from = http::query_date(ctx, "from");
        query.to = http::query_date(ctx, "to");
        const MessagePage result = messages.list(ctx.principal(), query, page.limit, page.offset);
        nlohmann::json items = nlohmann::json::array();
        for (const Message& m : result.items) {
          items.push_back(to_json(m, ctx.principal().time_zone));
        }
        http::reply_json(res, 200, {{"items", items}, {"total", result.total}});
      });
}

}  // namespace rx::messaging
