#pragma once

#include <string>
#include <string_view>

namespace rx::auth {

// Argon2id through libsodium (`$argon2id$v=19$m=65536,t=2,p=1$...`). Each hash takes 64 MiB for
// a moment, so at most two run at once to keep the server's memory bounded under a login burst.
class PasswordHasher {
 public:
  static std::string hash(std::string_view password);
  static bool verify(std::string_view encoded_hash, std::string_view password);
  // A hash of a random password, verified against when the email is unknown so that unknown
  // emails and wrong passwords take the same time.
  static const std::string& decoy_hash();
};

// Random session tokens and their stored digests.
std::string new_session_token();                   // 32 random bytes, base64url
std::string token_digest(std::string_view token);  // SHA-256, hex
std::string random_key(std::size_t bytes);         // hex

}  // namespace rx::auth
