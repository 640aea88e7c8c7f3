#include "http/connection_stream.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rx::http {
namespace {

using std::chrono::milliseconds;

// Mirrors the deadline_missed() of the stream this thread is serving (see the header).
thread_local bool missed_on_this_thread = false;

// The request body's budget on this thread (see limit_request_body); reset per request.
struct BodyBudget {
  bool limited = false;
  std::size_t left = 0;
  bool exceeded = false;
  bool close_after_response = false;
  bool discard_body = false;
};
thread_local BodyBudget body_budget;

// How often an idle keep-alive connection checks whether the server is stopping.
constexpr milliseconds kStopCheckInterval{100};

// Waits for `events` on `fd` until `until`; true when the socket is ready (or in error, which
// the next call reports).
bool poll_until(int fd, short events, ConnectionStream::Clock::time_point until) {
  while (true) {
    const auto left = std::chrono::ceil<milliseconds>(until - ConnectionStream::Clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd, events, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready > 0) return true;
    if (ready < 0 && errno != EINTR) return false;
  }
}

void format_address(const sockaddr_storage& address, std::string& ip, int& port) {
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    const auto& v4 = reinterpret_cast<const sockaddr_in&>(address);
    ::inet_ntop(AF_INET, &v4.sin_addr, text, sizeof text);
    port = ntohs(v4.sin_port);
  } else if (address.ss_family == AF_INET6) {
    const auto& v6 = reinterpret_cast<const sockaddr_in6&>(address);
    ::inet_ntop(AF_INET6, &v6.sin6_addr, text, sizeof text);
    port = ntohs(v6.sin6_port);
  }
  ip = text;
}

}  // namespace

bool request_deadline_missed() { return missed_on_this_thread; }

void limit_request_body(std::size_t max_bytes) {
  body_budget.limited = true;
  body_budget.left = max_bytes;
}

bool request_body_too_large() { return body_budget.exceeded; }

void close_after_response(bool discard_body) {
  body_budget.close_after_response = true;
  body_budget.discard_body = body_budget.discard_body || discard_body;
}

bool closing_after_response() { return body_budget.close_after_response; }

bool discarding_after_response() { return body_budget.discard_body; }

ConnectionStream::ConnectionStream(int fd, Transport& transport, Timeouts timeouts)
    : fd_(fd), transport_(transport), timeouts_(timeouts) {}

void ConnectionStream::set_deadline(Clock::time_point deadline) {
  deadline_ = deadline;
  deadline_missed_ = false;
  missed_on_this_thread = false;
  body_budget = {};
}

bool ConnectionStream::wait_for_request(milliseconds idle, const std::function<bool()>& stopping) {
  const auto until = Clock::now() + idle;
  while (!stopping()) {
    if (buffer_begin_ < buffer_end_ || transport_.has_pending_input()) return true;
    const auto now = Clock::now();
    if (now >= until) return false;
    if (poll_until(fd_, POLLIN, std::min(until, now + kStopCheckInterval))) return true;
  }
  return false;
}

bool ConnectionStream::await(Readiness readiness) const {
  if (readiness == Readiness::kWritable) {
    return poll_until(fd_, POLLOUT, Clock::now() + timeouts_.write);
  }
  const auto read_limit = Clock::now() + timeouts_.read;
  if (deadline_ >= read_limit) return poll_until(fd_, POLLIN, read_limit);
  if (poll_until(fd_, POLLIN, deadline_)) return true;
  miss_deadline();
  return false;
}

void ConnectionStream::miss_deadline() const {
  deadline_missed_ = true;
  missed_on_this_thread = true;
}

bool ConnectionStream::is_readable() const {
  return buffer_begin_ < buffer_end_ || transport_.has_pending_input() ||
         await(Readiness::kReadable);
}

bool ConnectionStream::is_writable() const { return await(Readiness::kWritable); }

ssize_t ConnectionStream::receive(char* into, std::size_t size) {
  // Checked before reading too: a client that always has a little more ready would otherwise
  // never be waited for, and so never meet the deadline.
  if (Clock::now() >= deadline_) {
    miss_deadline();
    return -1;
  }
  while (true) {
    const IoResult result = transport_.read(into, size);
    if (result.wait == Readiness::kNone) return result.bytes;
    if (!await(result.wait)) return -1;
  }
}

ssize_t ConnectionStream::read(char* ptr, size_t size) {
  if (!body_budget.limited) return read_buffered(ptr, size);
  if (body_budget.left == 0) {
    if (size == 0) return 0;
    // Only a client that has more to send is over the limit; one that closed its side right
    // at the limit sent a body of exactly the limit.
    const ssize_t more = fill_buffer();
    if (more <= 0) return more;
    body_budget.exceeded = true;
    close_after_response(true);
    return -1;
  }
  const ssize_t n = read_buffered(ptr, std::min(size, body_budget.left));
  if (n > 0) body_budget.left -= static_cast<std::size_t>(n);
  return n;
}

ssize_t ConnectionStream::fill_buffer() {
  if (buffer_begin_ < buffer_end_) return static_cast<ssize_t>(buffer_end_ - buffer_begin_);
  const ssize_t received = receive(buffer_.data(), buffer_.size());
  if (received <= 0) return received;
  buffer_begin_ = 0;
  buffer_end_ = static_cast<std::size_t>(received);
  return received;
}

void ConnectionStream::discard_input() {
  buffer_begin_ = buffer_end_ = 0;
  while (receive(buffer_.data(), buffer_.size()) > 0) {
  }
}

ssize_t ConnectionStream::read_buffered(char* ptr, size_t size) {
  if (buffer_begin_ == buffer_end_) {
    // Large reads (request bodies) go straight to the caller.
    if (size >= buffer_.size()) return receive(ptr, size);
    const ssize_t received = receive(buffer_.data(), buffer_.size());
    if (received <= 0) return received;
    buffer_begin_ = 0;
    buffer_end_ = static_cast<std::size_t>(received);
  }
  const std::size_t n = std::min(size, buffer_end_ - buffer_begin_);
  std::memcpy(ptr, buffer_.data() + buffer_begin_, n);
  buffer_begin_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t ConnectionStream::write(const char* ptr, size_t size) {
  while (true) {
    const IoResult result = transport_.write(ptr, size);
    if (result.wait == Readiness::kNone) return result.bytes;
    if (!await(result.wait)) return -1;
  }
}

void ConnectionStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    format_address(address, ip, port);
  }
}

void ConnectionStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    format_address(address, ip, port);
  }
}

}  // namespace rx::http
