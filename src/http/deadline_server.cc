#include "http/deadline_server.h"

#include "http/connection_stream.h"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <functional>
#include <type_traits>

namespace rx::http {
namespace {

using std::chrono::milliseconds;

milliseconds to_milliseconds(time_t seconds, time_t microseconds) {
  return std::chrono::duration_cast<milliseconds>(std::chrono::seconds(seconds) +
                                                  std::chrono::microseconds(microseconds));
}

bool make_non_blocking(socket_t sock) {
  const int flags = ::fcntl(sock, F_GETFL, 0);
  return flags >= 0 && ::fcntl(sock, F_SETFL, flags | O_NONBLOCK) == 0;
}

// The TLS handshake, its waits bounded like a request's (it counts towards the first request's
// deadline).
bool complete_handshake(TlsTransport& tls, const ConnectionStream& stream) {
  while (true) {
    const IoResult step = tls.handshake();
    if (step.bytes > 0) return true;
    if (step.wait == Readiness::kNone || !stream.await(step.wait)) return false;
  }
}

}  // namespace

template <typename Base>
bool DeadlineServer<Base>::process_and_close_socket(socket_t sock) {
  bool served = false;
  if (make_non_blocking(sock)) {
    if constexpr (std::is_base_of_v<httplib::SSLServer, Base>) {
      // httplib locks a mutex around SSL_new only because update_certs may swap the context,
      // which rxtrack never calls.
      TlsTransport tls(this->ssl_context(), sock);
      if (tls.valid()) served = serve(sock, tls, &tls);
    } else {
      PlainTransport plain(sock);
      served = serve(sock, plain, nullptr);
    }
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return served;
}

template <typename Base>
bool DeadlineServer<Base>::serve(socket_t sock, Transport& transport, TlsTransport* tls) {
  ConnectionStream stream(sock, transport,
                          {to_milliseconds(this->read_timeout_sec_, this->read_timeout_usec_),
                           to_milliseconds(this->write_timeout_sec_, this->write_timeout_usec_)});
  const auto stopping = [this] { return this->svr_sock_ == INVALID_SOCKET; };
  const milliseconds idle = std::chrono::seconds(this->keep_alive_timeout_sec_);
  std::function<void(httplib::Request&)> setup_request;
  if (tls) setup_request = [ssl = tls->ssl()](httplib::Request& req) { req.ssl = ssl; };

  bool handshake_done = tls == nullptr;
  bool ok = false;
  bool answered_unread = false;
  // httplib's own keep-alive loop, with a deadline per request.
  for (std::size_t left = this->keep_alive_max_count_; left > 0; --left) {
    if (!stream.wait_for_request(idle, stopping)) break;
    stream.set_deadline(ConnectionStream::Clock::now() + request_deadline_);
    if (!handshake_done) {
      if (!complete_handshake(*tls, stream)) return false;
      handshake_done = true;
    }
    bool connection_closed = false;
    ok = this->process_request(stream, left == 1, connection_closed, setup_request);
    // Answered without reading its body (refused, or cut at the body limit): what follows on
    // the connection is the rest of that body, not a request.
    if (closing_after_response()) {
      answered_unread = discarding_after_response() && !stream.deadline_missed();
      break;
    }
    if (!ok || connection_closed || stream.deadline_missed()) break;
  }
  if (tls && ok) tls->close_notify();
  if (answered_unread && ok) {
    // The answer is complete; the client, perhaps still sending, reads it before it sees an
    // error on its writes, because nothing it sends is left unread when the socket closes.
    if (!tls) ::shutdown(sock, SHUT_WR);
    stream.discard_input();
  }
  return ok;
}

template class DeadlineServer<httplib::Server>;
template class DeadlineServer<httplib::SSLServer>;

}  // namespace rx::http
