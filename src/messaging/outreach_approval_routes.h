#pragma once

#include "http/router.h"
#include "messaging/outreach_approval_service.h"

namespace rx::messaging {

// POST /api/messages/approve (owner and manager): {"ids":[...]} or {"all":true}.
void register_outreach_approval_routes(http::Router& router, OutreachApprovalService& approvals);

}  // namespace rx::messaging
