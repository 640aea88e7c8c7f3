#pragma once

#include "http/router.h"
#include "messaging/consent_service.h"

namespace rx::messaging {

// POST /api/customer-tracking/customers/{id}/consent and .../opt-out (any signed-in role: the
// counter records consent).
void register_consent_routes(http::Router& router, ConsentService& service);

}  // namespace rx::messaging
