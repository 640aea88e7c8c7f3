#pragma once

#include "http/router.h"
#include "messaging/outbox_review_service.h"
#include "messaging/test_message_service.h"

namespace rx::messaging {

// POST /api/messages/{id}/retry and GET /api/messages/daily (owner and manager), and
// POST /api/shop/messaging/test (owner).
void register_outbox_review_routes(http::Router& router, OutboxReviewService& review,
                                   TestMessageService& test_messages);

}  // namespace rx::messaging
