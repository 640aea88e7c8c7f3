#pragma once

#include "http/router.h"
#include "messaging/whatsapp_webhook_service.h"

namespace rx::messaging {

// GET and POST /api/webhooks/whatsapp/{webhook_key}: public (Meta calls them), authenticated by
// the verify token (GET) and the X-Hub-Signature-256 HMAC (POST).
void register_whatsapp_webhook_routes(http::Router& router, WhatsappWebhookService& service);

}  // namespace rx::messaging
