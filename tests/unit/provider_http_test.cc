#include "messaging/provider_http.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rx::messaging {
namespace {

// A plain HTTP server on 127.0.0.1 that records the Host header and path of every POST.
class RecordingServer {
 public:
  RecordingServer() {
    server_.Post(".*", [this](const httplib::Request& req, httplib::Response& res) {
      std::lock_guard lock(mutex_);
      seen_.push_back(req.get_header_value("Host") + " " + req.path);
      res.set_content(R"({"ok":true})", "application/json");
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // httplib's stop() does nothing before the accept loop runs, which would then never end:
    // a test that sends nothing would hang in the destructor's join.
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~RecordingServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  std::vector<std::string> seen() const {
    std::lock_guard lock(mutex_);
    return seen_;
  }

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  std::vector<std::string> seen_;
};

IpAddress address(const std::string& text) { return *parse_numeric_host(text); }

// A resolver that answers `addresses` and counts its calls.
HostResolver answering(std::vector<IpAddress> addresses, std::atomic<int>& calls) {
  return [addresses, &calls](const std::string&) {
    ++calls;
    return ResolvedHost{addresses, ""};
  };
}

TEST(ProviderHttpTest, APinnedRequestGoesToTheCheckedAddressUnderTheHostName) {
  RecordingServer server;
  // ".invalid" never resolves (RFC 6761): only the pinned address can make this connect.
  const ProviderUrl url{"http", "provider.invalid", server.port(), "/gw"};
  const HttpAnswer answer = post_json_at(url, address("127.0.0.1"), "/v23.0/1/messages", {}, "{}");
  EXPECT_EQ(answer.status, 200) << answer.transport_error;
  ASSERT_EQ(server.seen().size(), 1u);
  EXPECT_EQ(server.seen()[0],
            "provider.invalid:" + std::to_string(server.port()) + " /gw/v23.0/1/messages");

  const HttpAnswer unpinned = post_json_at(url, std::nullopt, "/v23.0/1/messages", {}, "{}");
  EXPECT_EQ(unpinned.status, 0);
  EXPECT_EQ(server.seen().size(), 1u);
}

TEST(ProviderHttpTest, EveryRequestLooksTheNameUpAgainAndRefusesAnInternalAnswer) {
  RecordingServer server;
  std::atomic<int> calls = 0;
  const ProviderNetwork network{{}, answering({address("127.0.0.1")}, calls)};
  const std::string base = "https://rebind.test:" + std::to_string(server.port());
  for (int i = 1; i <= 2; ++i) {
    const HttpAnswer answer = post_json(network, base, "/api/v5/flow", {}, "{}");
    EXPECT_EQ(answer.status, 0);
    EXPECT_NE(answer.transport_error.find("127.0.0.1, in the loopback range; not connecting"),
              std::string::npos)
        << answer.transport_error;
    EXPECT_EQ(calls, i);
  }
  EXPECT_TRUE(server.seen().empty());
}

TEST(ProviderHttpTest, AnAnswerMixingPublicAndInternalAddressesIsRefusedWhole) {
  std::atomic<int> calls = 0;
  for (const char* internal : {"10.0.0.7", "169.254.169.254", "::ffff:192.168.1.1", "fd00:ec2::254",
                               "100.64.0.1", "fe80::1", "0.0.0.0"}) {
    const ProviderNetwork network{{}, answering({address("8.8.8.8"), address(internal)}, calls)};
    const HttpAnswer answer =
        post_json(network, "https://provider.test", "/v23.0/1/messages", {}, "{}");
    EXPECT_EQ(answer.status, 0) << internal;
    EXPECT_NE(answer.transport_error.find(address(internal).to_string()), std::string::npos)
        << answer.transport_error;
  }
}

TEST(ProviderHttpTest, PlainHttpAndInternalLiteralsAreRefusedWithoutALookup) {
  RecordingServer server;
  std::atomic<int> calls = 0;
  const ProviderNetwork network{{}, answering({address("8.8.8.8")}, calls)};
  const std::string port = std::to_string(server.port());
  for (const std::string& base :
       std::vector<std::string>{"http://127.0.0.1:" + port, "http://provider.test",
                                "HTTP://provider.test", "not a url"}) {
    const HttpAnswer answer = post_json(network, base, "/x", {}, "{}");
    EXPECT_EQ(answer.status, 0) << base;
    EXPECT_NE(answer.transport_error.find("refused"), std::string::npos) << base;
  }
  for (const std::string& base :
       std::vector<std::string>{"https://127.0.0.1:" + port, "https://127.1:" + port,
                                "https://169.254.169.254", "https://10.0.0.1:" + port}) {
    const HttpAnswer answer = post_json(network, base, "/x", {}, "{}");
    EXPECT_EQ(answer.status, 0) << base;
    EXPECT_NE(answer.transport_error.find("range; not connecting"), std::string::npos)
        << answer.transport_error;
  }
  EXPECT_EQ(calls, 0) << "an address in the URL is not looked up";
  EXPECT_TRUE(server.seen().empty());
}

TEST(ProviderHttpTest, ANameThatDoesNotResolveIsNoAnswer) {
  const ProviderNetwork network{{}, [](const std::string&) {
                                  return ResolvedHost{{}, "Name or service not known"};
                                }};
  const HttpAnswer answer = post_json(network, "https://nowhere.test", "/x", {}, "{}");
  EXPECT_EQ(answer.status, 0);
  EXPECT_NE(answer.transport_error.find("did not resolve"), std::string::npos);
}

TEST(ProviderHttpTest, AnAllowedHostIsReachedOverHttpWithoutTheAddressCheck) {
  RecordingServer server;
  std::atomic<int> calls = 0;
  const ProviderNetwork network{ProviderHostAllowList::parse({"127.0.0.1"}),
                                answering({address("10.0.0.1")}, calls)};
  const HttpAnswer answer = post_json(
      network, "http://127.0.0.1:" + std::to_string(server.port()) + "/", "/api/v5/flow", {}, "{}");
  EXPECT_EQ(answer.status, 200) << answer.transport_error;
  EXPECT_EQ(server.seen().size(), 1u);
  EXPECT_EQ(calls, 0);
}

TEST(ProviderHttpTest, TheSystemResolverReadsLiteralsAndNames) {
  const ResolvedHost literal = resolve_with_system("127.0.0.1");
  ASSERT_EQ(literal.addresses.size(), 1u);
  EXPECT_EQ(literal.addresses[0].to_string(), "127.0.0.1");
  EXPECT_FALSE(resolve_with_system("nothing-here.invalid").error.empty());
}

}  // namespace
}  // namespace rx::messaging
