#pragma once

#include <string>

namespace rx::test {

// A TCP connection to the test server on loopback, for requests no HTTP client would send:
// encoded traversal paths, oversized headers, clients that stall mid-request.
class RawConnection {
 public:
  explicit RawConnection(int port);
  // Connects within `timeout_ms` or not at all (connected() says which); a handshake still
  // pending is left to the kernel, not retried.
  RawConnection(int port, int timeout_ms);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool send(const std::string& bytes);
  // Tells the server nothing more will be sent (shutdown for writing); reading goes on.
  void finish_sending();
  // Reads until the server closes the connection or `timeout_ms` passes; `closed` tells which.
  std::string read_all(int timeout_ms, bool* closed = nullptr);
  bool connected() const { return connected_; }

 private:
  int fd_ = -1;
  bool connected_ = false;
};

// Sends one request with "Connection: close" semantics and returns the raw response.
std::string raw_request(int port, const std::string& request, int timeout_ms = 5000);

// The status code of a raw response ("HTTP/1.1 404 Not Found..." -> 404), or -1.
int raw_status(const std::string& response);

}  // namespace rx::test
