#pragma once

#include "http/router.h"
#include "messaging/message_service.h"
#include "messaging/messaging_settings_service.h"

namespace rx::messaging {

// GET/PUT /api/shop/messaging (owner and manager read; only the owner changes) and
// GET /api/messages (the outbox, owner and manager).
void register_messaging_routes(http::Router& router, MessagingSettingsService& settings,
                               MessageService& messages);

}  // namespace rx::messaging
