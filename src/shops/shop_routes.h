#pragma once

#include "http/router.h"
#include "http/session_cookie.h"
#include "shops/shop_service.h"
#include "signin/auth_service.h"

namespace rx::shops {

// /api/shop (settings) and /api/setup (first run: the shop and its owner, then signed in).
void register_shop_routes(http::Router& router, ShopService& shops, signin::AuthService& auth,
                          http::CookiePolicy cookies);

}  // namespace rx::shops
