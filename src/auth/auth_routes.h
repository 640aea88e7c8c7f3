#pragma once

#include "auth/auth_service.h"
#include "http/router.h"
#include "http/session_cookie.h"

#include <functional>

namespace rx::auth {

// /api/auth/login, /api/auth/logout and /api/me.
void register_auth_routes(http::Router& router, AuthService& service, http::CookiePolicy cookies);

// Runs `work`; a rate_limited error it throws leaves with its Retry-After header set.
void with_retry_after(httplib::Response& res, const std::function<void()>& work);

}  // namespace rx::auth
