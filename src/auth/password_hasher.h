#pragma once

#include <string>
#include <string_view>

namespace rx::auth {

// Argon2id through libsodium with OWASP's recommended cost (m=19 MiB, t=2, p=1: the Password
// Storage Cheat Sheet): `$argon2id$v=19$m=19456,t=2,p=1$...`. Each hash holds its memory for a
// moment, and at most two run at once, so a burst of sign-ins costs the server under 40 MB.
// Hashes made with other costs (rxtrack used libsodium's 64 MiB "interactive" cost before) still
// verify, since the cost is written in the hash, and are replaced at the next sign-in.
class PasswordHasher {
 public:
  static std::string hash(std::string_view password);
  static bool verify(std::string_view encoded_hash, std::string_view password);
  // True when the hash was made with another cost than the current one.
  static bool needs_rehash(std::string_view encoded_hash);
  // A hash of a random password, verified against when the email is unknown so that unknown
  // emails and wrong passwords take the same time.
  static const std::string& decoy_hash();
};

// Random session tokens and their stored digests.
std::string new_session_token();                   // 32 random bytes, base64url
std::string token_digest(std::string_view token);  // SHA-256, hex
std::string random_key(std::size_t bytes);         // hex

}  // namespace rx::auth
