#include "core/secret_box.h"

#include <sodium.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace rx::core {
namespace {

constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium failed to initialise");
}

[[noreturn]] void fail(const std::string& path, const std::string& why) {
  throw std::runtime_error("secret key file " + path + ": " + why);
}

std::string key_hex(const SecretKey& key) {
  char hex[2 * sizeof key.bytes + 1];
  sodium_bin2hex(hex, sizeof hex, key.bytes.data(), key.bytes.size());
  return std::string(hex) + "\n";
}

SecretKey parse_key(const std::string& path, std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  SecretKey key;
  std::size_t length = 0;
  const char* end = nullptr;
  if (text.size() != 2 * key.bytes.size() ||
      sodium_hex2bin(key.bytes.data(), key.bytes.size(), text.data(), text.size(), nullptr, &length,
                     &end) != 0 ||
      length != key.bytes.size()) {
    fail(path, "must hold 64 hexadecimal characters (a 32-byte key, e.g. openssl rand -hex 32)");
  }
  return key;
}

void write_all(int fd, const std::string& text, const std::string& path) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail(path, std::strerror(errno));
    done += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string seal_secret(const SecretKey& key, std::string_view plain) {
  ensure_sodium();
  std::string box(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), '\0');
  auto* out = reinterpret_cast<unsigned char*>(box.data());
  randombytes_buf(out, crypto_secretbox_NONCEBYTES);
  crypto_secretbox_easy(out + crypto_secretbox_NONCEBYTES,
                        reinterpret_cast<const unsigned char*>(plain.data()), plain.size(), out,
                        key.bytes.data());
  std::string encoded(sodium_base64_ENCODED_LEN(box.size(), kBase64), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(), out, box.size(), kBase64);
  encoded.resize(std::strlen(encoded.c_str()));
  return std::string(kSealedPrefix) + encoded;
}

std::optional<std::string> open_secret(const SecretKey& key, std::string_view sealed) {
  ensure_sodium();
  if (!is_sealed(sealed)) return std::nullopt;
  const std::string_view encoded = sealed.substr(kSealedPrefix.size());
  std::string box(encoded.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(box.data()), box.size(), encoded.data(),
                        encoded.size(), nullptr, &length, nullptr, kBase64) != 0 ||
      length < crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES) {
    return std::nullopt;
  }
  const auto* in = reinterpret_cast<const unsigned char*>(box.data());
  const std::size_t cipher_length = length - crypto_secretbox_NONCEBYTES;
  std::string plain(cipher_length - crypto_secretbox_MACBYTES, '\0');
  if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char*>(plain.data()),
                                 in + crypto_secretbox_NONCEBYTES, cipher_length, in,
                                 key.bytes.data()) != 0) {
    return std::nullopt;
  }
  return plain;
}

bool is_sealed(std::string_view stored) { return stored.rfind(kSealedPrefix, 0) == 0; }

SecretKey random_secret_key() {
  ensure_sodium();
  SecretKey key;
  randombytes_buf(key.bytes.data(), key.bytes.size());
  return key;
}

SecretKey read_key_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) fail(path, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(path, "is not a regular file");
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    ::close(fd);
    fail(path, "is readable or writable by group or others; chmod 600 it");
  }
  std::string text(200, '\0');
  ssize_t n = 0;
  do {
    n = ::read(fd, text.data(), text.size());
  } while (n < 0 && errno == EINTR);
  ::close(fd);
  if (n < 0) fail(path, std::strerror(errno));
  text.resize(static_cast<std::size_t>(n));
  return parse_key(path, text);
}

SecretKey create_or_read_key_file(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0) return read_key_file(path);
  // Written in full under a private temporary name, then linked to the final name: link(2)
  // fails with EEXIST when another process got there first, and a reader never sees half a key.
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) fail(temporary, std::strerror(errno));
  const SecretKey key = random_secret_key();
  try {
    write_all(fd, key_hex(key), temporary);
    if (::fsync(fd) != 0) fail(temporary, std::strerror(errno));
  } catch (...) {
    ::close(fd);
    ::unlink(temporary.c_str());
    throw;
  }
  ::close(fd);
  const int linked = ::link(temporary.c_str(), path.c_str());
  const int link_error = errno;
  ::unlink(temporary.c_str());
  if (linked != 0) {
    if (link_error == EEXIST) return read_key_file(path);
    fail(path, std::strerror(link_error));
  }
  return key;
}

}  // namespace rx::core
