#include "http/session_cookie.h"

#include "http/router.h"

namespace rx::http {
namespace {

std::string cookie(const CookiePolicy& policy, const std::string& value, std::int64_t max_age) {
  std::string out = std::string(kSessionCookie) + "=" + value +
                    "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (policy.secure) out += "; Secure";
  return out;
}

}  // namespace

void set_session_cookie(httplib::Response& res, const CookiePolicy& policy,
                        const std::string& token, std::int64_t max_age_seconds) {
  res.set_header("Set-Cookie", cookie(policy, token, max_age_seconds));
}

void clear_session_cookie(httplib::Response& res, const CookiePolicy& policy) {
  res.set_header("Set-Cookie", cookie(policy, "", 0));
}

}  // namespace rx::http
