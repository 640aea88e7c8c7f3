#include "auth/password_hasher.h"

#include "core/error.h"

#include <sodium.h>

#include <semaphore>

namespace rx::auth {
namespace {

constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimitBytes = 19 * 1024 * 1024;

std::counting_semaphore<2>& hashing_slots() {
  static std::counting_semaphore<2> slots(2);
  return slots;
}

struct SlotGuard {
  SlotGuard() { hashing_slots().acquire(); }
  ~SlotGuard() { hashing_slots().release(); }
};

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw core::AppError(core::ErrorCode::kInternal, "libsodium failed to start");
}

std::string hex(const unsigned char* data, std::size_t size) {
  std::string out(size * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, size);
  out.pop_back();
  return out;
}

}  // namespace

std::string PasswordHasher::hash(std::string_view password) {
  ensure_sodium();
  SlotGuard slot;
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimitBytes,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    throw core::AppError(core::ErrorCode::kUnavailable, "out of memory while hashing a password");
  }
  return out;
}

bool PasswordHasher::verify(std::string_view encoded_hash, std::string_view password) {
  ensure_sodium();
  SlotGuard slot;
  std::string encoded(encoded_hash);
  return crypto_pwhash_str_verify(encoded.c_str(), password.data(), password.size()) == 0;
}

bool PasswordHasher::needs_rehash(std::string_view encoded_hash) {
  ensure_sodium();
  const std::string encoded(encoded_hash);
  return crypto_pwhash_str_needs_rehash(encoded.c_str(), kOpsLimit, kMemLimitBytes) != 0;
}

const std::string& PasswordHasher::decoy_hash() {
  static const std::string decoy = hash(random_key(16));
  return decoy;
}

std::string new_session_token() {
  ensure_sodium();
  unsigned char bytes[32];
  randombytes_buf(bytes, sizeof bytes);
  char out[sodium_base64_ENCODED_LEN(sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING)];
  sodium_bin2base64(out, sizeof out, bytes, sizeof bytes, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  return out;
}

std::string token_digest(std::string_view token) {
  ensure_sodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return hex(digest, sizeof digest);
}

std::string random_key(std::size_t bytes) {
  ensure_sodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return hex(reinterpret_cast<const unsigned char*>(raw.data()), raw.size());
}

}  // namespace rx::auth
