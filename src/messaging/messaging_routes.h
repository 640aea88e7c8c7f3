#pragma once

#include "http/router.h"
#include "messaging/message_service.h"
#include "messaging/messaging_settings_service.h"

namespace rx::messaging {

// GET/PUT /api/shop/messaging (owner and manager read, a manager without the webhook keys; only
// the owner changes), POST /api/shop/webhook-keys/rotate (owner; body {"channel": "whatsapp" or
// "sms"}) and GET /api/messages (the outbox, owner and manager).
void register_messaging_routes(http::Router& router, MessagingSettingsService& settings,
                               MessageService& messages);

}  // namespace rx::messaging
