#include "http/session_cookie.h"

#include "http/router.h"

#include <algorithm>
#include <cctype>

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

bool forwarded_over_https(const httplib::Request& req) {
  const std::string value = req.get_header_value("X-Forwarded-Proto");
  std::string_view first = std::string_view(value).substr(0, value.find(','));
  while (!first.empty() && first.front() == ' ') first.remove_prefix(1);
  while (!first.empty() && first.back() == ' ') first.remove_suffix(1);
  constexpr std::string_view kHttps = "https";
  return first.size() == kHttps.size() &&
         std::equal(first.begin(), first.end(), kHttps.begin(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

void mark_cookies_secure(httplib::Response& res) {
  const auto [begin, end] = res.headers.equal_range("Set-Cookie");
  for (auto it = begin; it != end; ++it) {
    if (it->second.find("; Secure") == std::string::npos) it->second.append("; Secure");
  }
}

}  // namespace rx::http
