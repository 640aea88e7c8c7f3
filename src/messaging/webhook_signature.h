#pragma once

#include <string>
#include <string_view>

namespace rx::messaging {

// Lower-case hex of HMAC-SHA256(body, secret).
std::string hmac_sha256_hex(std::string_view body, std::string_view secret);

// Whether `header` is "sha256=<hex HMAC-SHA256 of the raw body with the app secret>", compared
// in constant time. An empty secret or a malformed header never matches.
bool signature_matches(std::string_view header, std::string_view raw_body,
                       std::string_view app_secret);

// Constant-time equality of two strings (lengths are not secret).
bool same_secret(std::string_view a, std::string_view b);

}  // namespace rx::messaging
