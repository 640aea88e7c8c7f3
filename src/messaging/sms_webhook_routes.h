#pragma once

#include "http/router.h"
#include "messaging/sms_webhook_service.h"

namespace rx::messaging {

// GET and POST /api/webhooks/sms/{webhook_key}: public (MSG91 calls them with an SMS sent to
// the shop's virtual number), authenticated by the unguessable key. GET carries the fields in
// the query string; POST as a form or a JSON object.
void register_sms_webhook_routes(http::Router& router, SmsWebhookService& service);

}  // namespace rx::messaging
