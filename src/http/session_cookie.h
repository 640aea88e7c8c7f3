#pragma once

#include <httplib.h>

#include <cstdint>
#include <string>

namespace rx::http {

struct CookiePolicy {
  bool secure = false;  // true when served over TLS (behind a TLS proxy: mark_cookies_secure)
};

void set_session_cookie(httplib::Response& res, const CookiePolicy& policy,
                        const std::string& token, std::int64_t max_age_seconds);
void clear_session_cookie(httplib::Response& res, const CookiePolicy& policy);

// Whether a proxy says the client reached it over TLS (`X-Forwarded-Proto: https`; with a chain
// of proxies, the first, the one the client spoke to). Only to be asked with --trust-proxy.
bool forwarded_over_https(const httplib::Request& req);
// Adds `Secure` to every cookie the response sets that lacks it: behind a TLS proxy the browser
// sees https, so the session cookie must never travel over plain http.
void mark_cookies_secure(httplib::Response& res);

}  // namespace rx::http
