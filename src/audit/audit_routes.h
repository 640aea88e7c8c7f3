#pragma once

#include "audit/audit_service.h"
#include "http/router.h"

namespace rx::audit {

// GET /api/audit (owner only).
void register_audit_routes(http::Router& router, AuditService& service);

}  // namespace rx::audit
