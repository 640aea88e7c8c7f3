#include "http/connection_transport.h"

#include <openssl/err.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <climits>

namespace rx::http {
namespace {

int clamp_to_int(std::size_t size) {
  return static_cast<int>(std::min<std::size_t>(size, static_cast<std::size_t>(INT_MAX)));
}

IoResult socket_outcome(ssize_t result, Readiness retry_on_again) {
  if (result >= 0) return {result, Readiness::kNone};
  if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) return {-1, retry_on_again};
  return {-1, Readiness::kNone};
}

}  // namespace

IoResult PlainTransport::read(char* data, std::size_t size) {
  return socket_outcome(::recv(fd_, data, size, 0), Readiness::kReadable);
}

IoResult PlainTransport::write(const char* data, std::size_t size) {
  // MSG_NOSIGNAL: a client that hung up is an error to return, not a SIGPIPE.
  return socket_outcome(::send(fd_, data, size, MSG_NOSIGNAL), Readiness::kWritable);
}

TlsTransport::TlsTransport(SSL_CTX* context, int fd) {
  ssl_ = context ? SSL_new(context) : nullptr;
  if (ssl_ && SSL_set_fd(ssl_, fd) != 1) {
    SSL_free(ssl_);
    ssl_ = nullptr;
  }
}

TlsTransport::~TlsTransport() {
  if (ssl_) SSL_free(ssl_);
}

IoResult TlsTransport::outcome(int result) const {
  if (result > 0) return {result, Readiness::kNone};
  const int error = SSL_get_error(ssl_, result);
  ERR_clear_error();
  switch (error) {
    case SSL_ERROR_WANT_READ:
      return {-1, Readiness::kReadable};
    case SSL_ERROR_WANT_WRITE:
      return {-1, Readiness::kWritable};
    case SSL_ERROR_ZERO_RETURN:
      return {0, Readiness::kNone};
    default:
      return {-1, Readiness::kNone};
  }
}

// OpenSSL reads the thread's error queue to explain a failed call, so each call starts with an
// empty one (SSL_get_error(3)).
IoResult TlsTransport::handshake() {
  ERR_clear_error();
  return outcome(SSL_accept(ssl_));
}

IoResult TlsTransport::read(char* data, std::size_t size) {
  ERR_clear_error();
  return outcome(SSL_read(ssl_, data, clamp_to_int(size)));
}

IoResult TlsTransport::write(const char* data, std::size_t size) {
  ERR_clear_error();
  return outcome(SSL_write(ssl_, data, clamp_to_int(size)));
}

bool TlsTransport::has_pending_input() const { return SSL_pending(ssl_) > 0; }

void TlsTransport::close_notify() {
  ERR_clear_error();
  SSL_shutdown(ssl_);
  ERR_clear_error();
}

}  // namespace rx::http
