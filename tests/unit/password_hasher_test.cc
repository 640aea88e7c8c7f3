#include "auth/password_hasher.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace rx::auth {
namespace {

// A hash as rxtrack made them before it used OWASP's cost: libsodium's "interactive" 64 MiB.
std::string old_cost_hash(const std::string& password) {
  char out[crypto_pwhash_STRBYTES];
  EXPECT_EQ(crypto_pwhash_str_alg(out, password.data(), password.size(),
                                  crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                  crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13),
            0);
  return out;
}

TEST(PasswordHasherTest, HashesWithOwaspArgon2idCost) {
  const std::string hash = PasswordHasher::hash("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_TRUE(PasswordHasher::verify(hash, "correct horse battery"));
  EXPECT_FALSE(PasswordHasher::verify(hash, "correct horse batter"));
  EXPECT_FALSE(PasswordHasher::needs_rehash(hash));
}

TEST(PasswordHasherTest, OlderCostHashesStillVerifyAndAskToBeReplaced) {
  ASSERT_GE(sodium_init(), 0);
  const std::string hash = old_cost_hash("shop-owner-password");
  EXPECT_NE(hash.find("m=65536"), std::string::npos) << hash;
  EXPECT_TRUE(PasswordHasher::verify(hash, "shop-owner-password"));
  EXPECT_FALSE(PasswordHasher::verify(hash, "another-password"));
  EXPECT_TRUE(PasswordHasher::needs_rehash(hash));
}

}  // namespace
}  // namespace rx::auth
