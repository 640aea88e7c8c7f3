#pragma once

#include <httplib.h>

#include <cstdint>
#include <string>

namespace rx::http {

struct CookiePolicy {
  bool secure = false;  // true when served over TLS
};

void set_session_cookie(httplib::Response& res, const CookiePolicy& policy,
                        const std::string& token, std::int64_t max_age_seconds);
void clear_session_cookie(httplib::Response& res, const CookiePolicy& policy);

}  // namespace rx::http
