#pragma once

#include <string>

namespace rx::test {

// A TCP connection to the test server on loopback, for requests no HTTP client would send:
// encoded traversal paths, oversized headers, clients that stall mid-request.
class RawConnection {
 public:
  explicit RawConnection(int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool send(const std::string& bytes);
  // Reads until the server closes the connection or `timeout_ms` passes; `closed` tells which.
  std::string read_all(int timeout_ms, bool* closed = nullptr);

 private:
  int fd_ = -1;
};

// Sends one request with "Connection: close" semantics and returns the raw response.
std::string raw_request(int port, const std::string& request, int timeout_ms = 5000);

// The status code of a raw response ("HTTP/1.1 404 Not Found..." -> 404), or -1.
int raw_status(const std::string& response);

}  // namespace rx::test
