// Request bodies are bounded before sign-in, whatever their framing: a compressed body is
// refused before any of it is read (httplib would inflate it into memory first), and a chunked
// body or one without a length is cut at the route's limit (1 MB JSON, 20 MB uploads) instead
// of being read to its end. The server's peak memory tells whether anything was buffered.
#include "raw_http.h"
#include "test_server.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace rx::test {
namespace {

constexpr std::uint64_t kPeakLimitKib = 100 * 1024;

// The server's peak resident memory (VmHWM), in KiB.
std::uint64_t peak_memory_kib(int pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stoull(line.substr(6));
  }
  ADD_FAILURE() << "no VmHWM for process " << pid;
  return 0;
}

// gzip of `inflated_bytes` zero bytes, compressed a megabyte at a time (the zeros are never held
// whole): about a thousandth of its inflated size.
std::string gzip_bomb(std::uint64_t inflated_bytes) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
  const std::string zeros(1024 * 1024, '\0');
  std::string out;
  char buffer[64 * 1024];
  for (std::uint64_t fed = 0; fed < inflated_bytes;) {
    const bool last = fed + zeros.size() >= inflated_bytes;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
    z.avail_in = static_cast<uInt>(zeros.size());
    do {
      z.next_out = reinterpret_cast<Bytef*>(buffer);
      z.avail_out = sizeof buffer;
      deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
      out.append(buffer, sizeof buffer - z.avail_out);
    } while (z.avail_out == 0);
    fed += zeros.size();
  }
  deflateEnd(&z);
  return out;
}

// What a client sending a body without end got: the answer, and how much it had sent by then.
struct EndlessBody {
  std::string answer;
  std::uint64_t sent = 0;
};

// Sends `head`, then `piece` over and over until the server answers (or `give_up_bytes` are
// sent), then says it is done sending and reads the answer to its end.
EndlessBody send_without_end(int port, const std::string& head, const std::string& piece,
                             std::uint64_t give_up_bytes) {
  RawConnection connection(port);
  EndlessBody out;
  EXPECT_TRUE(connection.send(head));
  while (out.sent < give_up_bytes && out.answer.find("\r\n\r\n") == std::string::npos) {
    if (!connection.send(piece)) break;
    out.sent += piece.size();
    out.answer += connection.read_all(5);  // at least a millisecond of waiting: it polls
  }
  connection.finish_sending();
  out.answer += connection.read_all(15000);
  return out;
}

std::string login_head(const std::string& framing_headers) {
  return "POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n" +
         framing_headers + "\r\n";
}

void expect_error_answer(const std::string& answer, int status, const std::string& code) {
  EXPECT_EQ(raw_status(answer), status) << answer.substr(0, 300);
  EXPECT_NE(answer.find("\"code\":\"" + code + "\""), std::string::npos) << answer.substr(0, 300);
}

TEST(BodyLimitsTest, ACompressedBombIsRefusedUnreadBeforeSignIn) {
  TestServer server;
  const std::string bomb = gzip_bomb(std::uint64_t{3} * 1024 * 1024 * 1024);
  ASSERT_LT(bomb.size(), 8u * 1024 * 1024) << "a few MB that inflate to 3 GB";
  RawConnection connection(server.port());
  ASSERT_TRUE(connection.send(login_head(
      "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n")));
  connection.send(bomb);  // the server may already have answered and be discarding the rest
  connection.finish_sending();
  bool closed = false;
  const std::string answer = connection.read_all(15000, &closed);
  expect_error_answer(answer, 415, "unsupported_media_type");
  EXPECT_TRUE(closed) << "the connection is closed after the refusal";
  EXPECT_LT(peak_memory_kib(server.pid()), kPeakLimitKib);

  for (const std::string& coding :
       std::vector<std::string>{"br", "deflate", "GZIP", "identity, gzip"}) {
    const std::string refused =
        raw_request(server.port(), login_head("Content-Encoding: " + coding +
                                              "\r\nContent-Length: 4\r\nConnection: close\r\n") +
                                       "abcd");
    expect_error_answer(refused, 415, "unsupported_media_type");
  }
  // identity is no coding at all.
  const std::string plain =
      raw_request(server.port(), login_head("Content-Encoding: identity\r\nContent-Length: 2\r\n"
                                            "Connection: close\r\n") +
                                     "{}");
  expect_error_answer(plain, 422, "validation_failed");
  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 200) << "and the server is fine";
}

TEST(BodyLimitsTest, AChunkedBodyWithoutEndIsCutAtTheJsonLimit) {
  TestServer server;
  const std::string piece = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
  const EndlessBody endless = send_without_end(
      server.port(), login_head("Transfer-Encoding: chunked\r\n"), piece, 512u * 1024 * 1024);
  expect_error_answer(endless.answer, 413, "payload_too_large");
  EXPECT_LT(endless.sent, 64u * 1024 * 1024) << "answered once past the limit, not at the end";
  EXPECT_LT(peak_memory_kib(server.pid()), kPeakLimitKib);
  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 200);

  // Under the limit, a chunked JSON body is read as usual.
  const std::string body = R"({"email":"nobody@example.com","password":"wrong-password-12"})";
  std::ostringstream size;
  size << std::hex << body.size();
  const std::string answer =
      raw_request(server.port(), login_head("Transfer-Encoding: chunked\r\nConnection: close\r\n") +
                                     size.str() + "\r\n" + body + "\r\n0\r\n\r\n");
  expect_error_answer(answer, 401, "unauthorized");
}

TEST(BodyLimitsTest, ABodyWithoutALengthIsCutAtTheJsonLimit) {
  TestServer server;
  const EndlessBody endless = send_without_end(server.port(), login_head(""),
                                               std::string(0x10000, ' '), 512u * 1024 * 1024);
  expect_error_answer(endless.answer, 413, "payload_too_large");
  EXPECT_LT(endless.sent, 64u * 1024 * 1024);
  EXPECT_LT(peak_memory_kib(server.pid()), kPeakLimitKib);
  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 200);

  // A declared length over the route's limit is refused before a byte of the body is read
  // (none is sent here; the server does not wait for it).
  RawConnection connection(server.port());
  ASSERT_TRUE(
      connection.send(login_head("Content-Length: " + std::to_string(2 * 1024 * 1024) + "\r\n")));
  const std::string declared = connection.read_all(5000);
  expect_error_answer(declared, 413, "payload_too_large");
}

TEST(BodyLimitsTest, UploadsKeepTheirLargerLimitWhateverTheFraming) {
  TestServer server;
  SignedInStaff owner = create_shop(server, "Body Limits Upload Shop");
  const std::string head =
      "POST /api/customer-tracking/contacts/upload HTTP/1.1\r\n"
      "Host: localhost\r\nAuthorization: Bearer " +
      owner.token +
      "\r\nContent-Type: multipart/form-data; boundary=xyz\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  const std::string piece = "10000\r\n" + std::string(0x10000, 'x') + "\r\n";
  const EndlessBody endless = send_without_end(server.port(), head, piece, 512u * 1024 * 1024);
  expect_error_answer(endless.answer, 413, "payload_too_large");
  EXPECT_GE(endless.sent, 20u * 1024 * 1024) << "uploads are cut at 20 MB, not at 1 MB";
  EXPECT_LT(endless.sent, 96u * 1024 * 1024);
  EXPECT_LT(peak_memory_kib(server.pid()), kPeakLimitKib);
  EXPECT_EQ(ApiClient(server.port()).get("/healthz").status, 200);
}

}  // namespace
}  // namespace rx::test
