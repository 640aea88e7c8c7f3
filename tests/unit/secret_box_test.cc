#include "core/secret_box.h"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace rx::core {
namespace {

std::string temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "secret-box-XXXXXX").string();
  return mkdtemp(pattern.data());
}

void write_file(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  chmod(path.c_str(), mode);
}

TEST(SecretBoxTest, SealedValueOpensWithItsKeyAndHidesThePlainText) {
  const SecretKey key = random_secret_key();
  const std::string plain = "EAAG-access-token-1234567890";
  const std::string sealed = seal_secret(key, plain);
  EXPECT_TRUE(is_sealed(sealed));
  EXPECT_EQ(sealed.rfind("rxsb1:", 0), 0u);
  EXPECT_EQ(sealed.find(plain), std::string::npos);
  EXPECT_EQ(open_secret(key, sealed), plain);
  EXPECT_NE(seal_secret(key, plain), sealed) << "each value gets a fresh nonce";
  EXPECT_EQ(open_secret(key, seal_secret(key, "")), "");
}

TEST(SecretBoxTest, TamperedCiphertextIsRefused) {
  const SecretKey key = random_secret_key();
  const std::string sealed = seal_secret(key, "app-secret-value");
  for (std::size_t at = 6; at < sealed.size(); at += 7) {
    std::string changed = sealed;
    changed[at] = changed[at] == 'A' ? 'B' : 'A';
    EXPECT_EQ(open_secret(key, changed), std::nullopt) << "changed at " << at;
  }
  EXPECT_EQ(open_secret(key, sealed.substr(0, sealed.size() - 4)), std::nullopt);
  EXPECT_EQ(open_secret(key, "rxsb1:"), std::nullopt);
  EXPECT_EQ(open_secret(key, "rxsb1:not base64!"), std::nullopt);
  EXPECT_EQ(open_secret(key, "plain text"), std::nullopt);
}

TEST(SecretBoxTest, AnotherKeyCannotOpenIt) {
  const SecretKey key = random_secret_key();
  const SecretKey other = random_secret_key();
  EXPECT_NE(key.bytes, other.bytes);
  EXPECT_EQ(open_secret(other, seal_secret(key, "msg91-auth-key")), std::nullopt);
}

TEST(SecretBoxTest, KeyFileIsCreatedOnceWithMode0600AndReadBack) {
  const std::string dir = temp_dir();
  const std::string path = dir + "/rxtrack.db.key";
  const SecretKey made = create_or_read_key_file(path);
  struct stat st {};
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_EQ(st.st_size, 65) << "64 hex characters and a newline";
  EXPECT_EQ(read_key_file(path).bytes, made.bytes);
  EXPECT_EQ(create_or_read_key_file(path).bytes, made.bytes) << "an existing file is kept";
  const std::string sealed = seal_secret(made, "verify-token");
  EXPECT_EQ(open_secret(read_key_file(path), sealed), "verify-token");
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir), {}), 1)
      << "no temporary file is left behind";
  std::filesystem::remove_all(dir);
}

TEST(SecretBoxTest, KeyFileReadableByOthersOrMalformedIsRefusedWithItsName) {
  const std::string dir = temp_dir();
  const std::string open_to_group = dir + "/group.key";
  write_file(open_to_group, std::string(64, 'a') + "\n", 0640);
  try {
    read_key_file(open_to_group);
    ADD_FAILURE() << "a group-readable key file was accepted";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(open_to_group), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("chmod 600"), std::string::npos) << e.what();
  }
  const std::string short_key = dir + "/short.key";
  write_file(short_key, std::string(62, 'a'), 0600);
  EXPECT_THROW(read_key_file(short_key), std::runtime_error);
  const std::string not_hex = dir + "/not-hex.key";
  write_file(not_hex, std::string(64, 'z'), 0600);
  EXPECT_THROW(read_key_file(not_hex), std::runtime_error);
  EXPECT_THROW(read_key_file(dir + "/missing.key"), std::runtime_error);
  const std::string good = dir + "/good.key";
  write_file(good, std::string(64, 'a') + "\n", 0600);
  EXPECT_EQ(read_key_file(good).bytes[0], 0xaa);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace rx::core
