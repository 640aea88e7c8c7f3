#pragma once

#include "http/router.h"
#include "privacy/privacy_service.h"

namespace rx::privacy {

// GET  /api/customer-tracking/customers/{id}/export  (owner)
// POST /api/customer-tracking/customers/{id}/erase   (owner)
void register_privacy_routes(http::Router& router, PrivacyService& service);

}  // namespace rx::privacy
