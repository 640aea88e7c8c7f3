#pragma once

#include <openssl/ssl.h>
#include <sys/types.h>

#include <cstddef>

namespace rx::http {

// What a transport call needs from the socket before it can make progress.
enum class Readiness { kNone, kReadable, kWritable };

// The outcome of one non-blocking transport call: `bytes` > 0 were moved; 0: the peer closed;
// < 0: failed, unless `wait` names what to wait for before calling again.
struct IoResult {
  ssize_t bytes = -1;
  Readiness wait = Readiness::kNone;
};

// The bytes of one connection: the plain socket, or a TLS session over it. The socket is
// non-blocking and no call here ever waits; ConnectionStream does all the waiting, so one
// deadline bounds a request however its bytes are carried.
class Transport {
 public:
  virtual ~Transport() = default;
  virtual IoResult read(char* data, std::size_t size) = 0;
  virtual IoResult write(const char* data, std::size_t size) = 0;
  // Input already taken off the socket and not yet read (decrypted TLS records), which a wait
  // on the socket would not see.
  virtual bool has_pending_input() const { return false; }
};

class PlainTransport final : public Transport {
 public:
  explicit PlainTransport(int fd) : fd_(fd) {}
  IoResult read(char* data, std::size_t size) override;
  IoResult write(const char* data, std::size_t size) override;

 private:
  int fd_;
};

// A server-side TLS session on an accepted socket, through OpenSSL's non-blocking calls.
class TlsTransport final : public Transport {
 public:
  TlsTransport(SSL_CTX* context, int fd);
  ~TlsTransport() override;
  TlsTransport(const TlsTransport&) = delete;
  TlsTransport& operator=(const TlsTransport&) = delete;

  bool valid() const { return ssl_ != nullptr; }
  SSL* ssl() const { return ssl_; }
  // One step of the handshake: `bytes` > 0 once it is complete.
  IoResult handshake();
  IoResult read(char* data, std::size_t size) override;
  IoResult write(const char* data, std::size_t size) override;
  bool has_pending_input() const override;
  // Sends close_notify if the socket takes it now; a client that left gets nothing.
  void close_notify();

 private:
  IoResult outcome(int result) const;

  SSL* ssl_ = nullptr;
};

}  // namespace rx::http
