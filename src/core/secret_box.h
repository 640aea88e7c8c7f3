#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace rx::core {

// A 32-byte key for crypto_secretbox (XSalsa20-Poly1305).
struct SecretKey {
  std::array<unsigned char, 32> bytes{};
};

// Values sealed by this unit start with this prefix; the number names the format
// ("rxsb1:" + base64(24-byte random nonce || ciphertext with its 16-byte tag)).
inline constexpr std::string_view kSealedPrefix = "rxsb1:";

// Encrypts `plain` with a fresh random nonce.
std::string seal_secret(const SecretKey& key, std::string_view plain);
// The plain text of a sealed value; nullopt when the value is not in this format, was changed,
// or was sealed with another key.
std::optional<std::string> open_secret(const SecretKey& key, std::string_view sealed);
bool is_sealed(std::string_view stored);

// A fresh random key.
SecretKey random_secret_key();

// Key files hold the key as 64 hexadecimal characters (a trailing newline is allowed), so that
// `openssl rand -hex 32` writes one.
//
// Reads a key file. Throws std::runtime_error naming the path when the file is missing, is
// readable or writable by group or others, or does not hold a key.
SecretKey read_key_file(const std::string& path);
// Creates a key file holding a fresh key, atomically (O_CREAT|O_EXCL, mode 0600, written and
// synced under a temporary name, then linked into place); when the file exists already, reads it
// instead (two processes starting at once agree on one key).
SecretKey create_or_read_key_file(const std::string& path);

}  // namespace rx::core
