#pragma once

#include "http/router.h"
#include "staff/staff_service.h"

namespace rx::staff {

// /api/staff (owner and manager) and /api/me/password (anyone signed in).
void register_staff_routes(http::Router& router, StaffService& service);

}  // namespace rx::staff
