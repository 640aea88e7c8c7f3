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

  bool is_readable() const override;
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return fd_; }

 private:
  ssize_t receive(char* into, std::size_t size);
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

}  // namespace rx::http
