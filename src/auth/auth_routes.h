#pragma once

#include "auth/auth_service.h"
#include "http/router.h"
#include "http/session_cookie.h"

namespace rx::auth {

// /api/auth/login, /api/auth/logout and /api/me.
void register_auth_routes(http::Router& router, AuthService& service, http::CookiePolicy cookies);

}  // namespace rx::auth
