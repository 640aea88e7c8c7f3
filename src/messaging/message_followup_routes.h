#pragma once

#include "http/router.h"
#include "messaging/message_followup_service.h"
#include "messaging/test_message_service.h"

namespace rx::messaging {

// POST /api/messages/{id}/retry and GET /api/messages/daily (owner and manager), and
// POST /api/shop/messaging/test (owner).
void register_message_followup_routes(http::Router& router, MessageFollowupService& followup,
                                      TestMessageService& test_messages);

}  // namespace rx::messaging
