#include "http/session_cookie.h"

#include "http/router.h"

namespace rx::http {
namespace {

// Built by appending: GCC 12 reports a false -Warray-bounds on the chained operator+ form.
std::string cookie(const CookiePolicy& policy, const std::string& value, std::int64_t max_age) {
  std::string out;
  out.reserve(128);
  out.append(kSessionCookie).append("=").append(value);
  out.append("; Path=/; HttpOnly; SameSite=Strict; Max-Age=").append(std::to_string(max_age));
  if (policy.secure) out.append("; Secure");
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
