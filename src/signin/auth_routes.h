#pragma once

#include "http/router.h"
#include "http/session_cookie.h"
#include "signin/auth_service.h"

namespace rx::signin {

// /api/auth/login, /api/auth/logout and /api/me. The handlers answer with AuthService's errors:
// 401 for bad credentials, 429 (with Retry-After) when sign-in is throttled, 422 naming the
// field for a malformed body.
void register_auth_routes(http::Router& router, AuthService& service, http::CookiePolicy cookies);

}  // namespace rx::signin
