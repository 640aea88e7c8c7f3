#include "messaging/webhook_signature.h"

#include <sodium.h>

#include <array>

namespace rx::messaging {

std::string hmac_sha256_hex(std::string_view body, std::string_view secret) {
  static const bool ready = sodium_init() >= 0;
  (void)ready;
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(secret.data()),
                              secret.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()),
                                body.size());
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_final(&state, mac.data());
  std::array<char, crypto_auth_hmacsha256_BYTES * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), mac.data(), mac.size());
  return std::string(hex.data(), crypto_auth_hmacsha256_BYTES * 2);
}

bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool signature_matches(std::string_view header, std::string_view raw_body,
                       std::string_view app_secret) {
  constexpr std::string_view kPrefix = "sha256=";
  if (app_secret.empty() || header.substr(0, kPrefix.size()) != kPrefix) return false;
  std::string given(header.substr(kPrefix.size()));
  for (char& ch : given) {
    if (ch >= 'A' && ch <= 'F') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return same_secret(given, hmac_sha256_hex(raw_body, app_secret));
}

}  // namespace rx::messaging
