#pragma once

#include "http/connection_transport.h"

#include <httplib.h>

#include <chrono>
#include <utility>

namespace rx::http {

// cpp-httplib's server (Base: httplib::Server or httplib::SSLServer) with a deadline on
// receiving each request: its headers and body must all arrive within `request_deadline` of
// its first byte (for a TLS connection's first request, of the handshake's first byte), or the
// request is answered 408 and the connection closed.
//
// Why this way: httplib 0.11 bounds each read (the read timeout) but not a request, so a client
// sending a byte every few seconds holds a worker thread for ever, and with a few hundred such
// clients the server serves nobody. httplib gives no hook between accepting a socket and reading
// it, but its per-connection step, process_and_close_socket, is virtual and the request parser
// it calls, process_request, is protected and takes any httplib::Stream. So this class overrides
// that step with the same keep-alive loop over a stream of its own (ConnectionStream) whose
// every wait for input also ends at the deadline. The alternatives were worse: SO_RCVTIMEO is
// per read like the read timeout; a watchdog thread shutting sockets down would need the socket
// of each request, which httplib's job hides, and would race with the socket's reuse.
// Cost: TLS is done here with OpenSSL directly (non-blocking, so its waits meet the deadline
// too), not by httplib's SSLServer code, of which only the certificate loading is used.
template <typename Base>
class DeadlineServer final : public Base {
 public:
  template <typename... BaseArgs>
  explicit DeadlineServer(std::chrono::seconds request_deadline, BaseArgs&&... base_args)
      : Base(std::forward<BaseArgs>(base_args)...), request_deadline_(request_deadline) {}

 private:
  bool process_and_close_socket(socket_t sock) override;
  // Serves the connection's requests until it closes, misses a deadline or the server stops.
  bool serve(socket_t sock, Transport& transport, TlsTransport* tls);

  std::chrono::seconds request_deadline_;
};

extern template class DeadlineServer<httplib::Server>;
extern template class DeadlineServer<httplib::SSLServer>;

}  // namespace rx::http
