#include "messaging/whatsapp_webhook_routes.h"

#include "core/error.h"

namespace rx::messaging {

using http::Access;
using http::RequestContext;

void register_whatsapp_webhook_routes(http::Router& router, WhatsappWebhookService& service) {
  const std::string path = R"(/api/webhooks/whatsapp/([A-Za-z0-9_\-]+))";
  router.get(path, Access::kPublic, [&service](RequestContext& ctx, httplib::Response& res) {
    HandshakeRequest request{ctx.query("hub.mode").value_or(""),
                             ctx.query("hub.verify_token").value_or(""),
                             ctx.query("hub.challenge").value_or("")};
    auto challenge = service.handshake(ctx.path_param(), request);
    if (!challenge) {
      throw core::AppError(core::ErrorCode::kForbidden, "the verify token does not match");
    }
    res.status = 200;
    res.set_content(*challenge, "text/plain");
  });

  router.post(path, Access::kPublic, [&service](RequestContext& ctx, httplib::Response& res) {
    const WebhookReceipt receipt =
        service.receive(ctx.path_param(), ctx.request().get_header_value("X-Hub-Signature-256"),
                        ctx.request().body);
    http::reply_json(res, 200,
                     {{"statuses_applied", receipt.statuses_applied},
                      {"messages_stored", receipt.messages_stored}});
  });
}

}  // namespace rx::messaging
