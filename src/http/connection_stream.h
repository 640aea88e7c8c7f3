#pragma once

#include "http/connection_transport.h"

#include <httplib.h>

#include <array>
#include <chrono>
#include <functional>

namespace rx::http {

// httplib's view of one connection, kept for all the requests it carries. Each wait for input
// ends at the read timeout (a silent client) or at the deadline of the request being received,
// whichever is sooner, so a client that trickles a byte now and then cannot hold a worker
// thread for longer than the deadline. Waits to send end at the write timeout.
class ConnectionStream final : public httplib::Stream {
 public:
  using Clock = std::chrono::steady_clock;
  struct Timeouts {
    std::chrono::milliseconds read;
    std::chrono::milliseconds write;
  };

  ConnectionStream(int fd, Transport& transport, Timeouts timeouts);

  // Input from now on must arrive by `deadline`. Starts a new request: forgets a missed one.
  void set_deadline(Clock::time_point deadline);
  // True once a wait for input gave up because the deadline passed.
  bool deadline_missed() const { return deadline_missed_; }
  // Waits up to `idle` for the next request to begin, checking `stopping` now and then; false
  // when none began.
  bool wait_for_request(std::chrono::milliseconds idle, const std::function<bool()>& stopping);
  // Waits until the socket is ready as `readiness` says; false at a timeout or the deadline.
  bool await(Readiness readiness) const;
  // Reads and drops input until the client closes, falls silent or the request's deadline
  // passes: after an answer given before its request's body was read, so that the client,
  // still sending, is not reset before it reads the answer. Costs time, not memory.
  void discard_input();

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  ssize_t receive(char* into, std::size_t size);
  ssize_t read_buffered(char* ptr, std::size_t size);
  // Reads into the buffer if it is empty: the bytes buffered, 0 when the client closed its side,
  // -1 at a timeout, the deadline or an error.
  ssize_t fill_buffer();
  void miss_deadline() const;

  int fd_;
  Transport& transport_;
  Timeouts timeouts_;
  Clock::time_point deadline_ = Clock::time_point::max();
  mutable bool deadline_missed_ = false;
  // httplib reads request lines a byte at a time; this spares a system call for each.
  std::array<char, 4096> buffer_{};
  std::size_t buffer_begin_ = 0;
  std::size_t buffer_end_ = 0;
};

// True on a connection's thread while the request it is handling missed its deadline: httplib
// answers such a request 400 through the error handler, which sees only the request and the
// response, and which makes it 408.
bool request_deadline_missed();

// The body of the request this thread is handling may be at most `max_bytes` on the wire,
// whatever its framing (httplib's own payload limit counts only a declared Content-Length; a
// chunked body or one without a length it reads into memory to its end). Set by the pre-routing
// handler, once the headers are in and before any of the body is read; a new request resets it.
// Past it, reads fail: httplib answers 400 through the error handler, which makes it 413 (see
// request_body_too_large), and the connection is closed.
void limit_request_body(std::size_t max_bytes);
bool request_body_too_large();

// The connection closes once the answer to this thread's request is sent: for answers given
// without reading the request's body, which would otherwise be taken for the next request.
// With `discard_body`, the unread rest of the request is read and dropped first
// (ConnectionStream::discard_input), so that a client still sending gets the answer rather than
// a reset connection.
void close_after_response(bool discard_body);
bool closing_after_response();
bool discarding_after_response();

}  // namespace rx::http
