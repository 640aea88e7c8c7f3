#pragma once

// Local stand-ins for the WhatsApp Cloud API (Graph API) and an MSG91-style SMS gateway: real
// HTTP servers on 127.0.0.1 inside the test process that record every request and answer with
// the providers' own response shapes, success by default or whatever a test scripts.
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rx::test {

struct RecordedRequest {
  std::string method;
  std::string path;
  std::string authorization;  // Authorization header (Cloud API)
  std::string authkey;        // authkey header (MSG91)
  std::string content_type;
  nlohmann::json body;
};

struct ScriptedAnswer {
  int status = 200;
  std::string body;
};

class FakeProvider {
 public:
  virtual ~FakeProvider();
  FakeProvider(const FakeProvider&) = delete;
  FakeProvider& operator=(const FakeProvider&) = delete;

  // http://127.0.0.1:<port>: servers reach it only with allow_fake_providers()
  // (messaging_support.h).
  std::string base_url() const;
  int port() const { return port_; }
  // Answers for the next requests, in order; afterwards the default (success) answer.
  void script(std::vector<ScriptedAnswer> answers);
  // While held, requests are recorded and then wait, unanswered, until release().
  void hold();
  void release();
  // Every request takes at least this long to answer (makes parallel senders overlap).
  void set_delay(std::chrono::milliseconds delay);
  std::vector<RecordedRequest> requests() const;
  std::size_t count() const;
  // Waits until at least `n` requests arrived; false on timeout.
  bool wait_for(std::size_t n, std::chrono::milliseconds timeout) const;

 protected:
  FakeProvider();
  void start();
  // Stops serving; derived classes call it first in their destructor, so that no request in
  // flight reaches a half-destroyed object.
  void shutdown();
  // The success answer to the n-th request (1-based).
  virtual ScriptedAnswer success(std::size_t n) const = 0;

 private:
  void handle(const httplib::Request& req, httplib::Response& res);

  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::vector<RecordedRequest> requests_;
  std::deque<ScriptedAnswer> script_;
  bool held_ = false;
  std::chrono::milliseconds delay_{0};
};

// POST /{version}/{phone_number_id}/messages answering {"messages":[{"id":"wamid.TEST<n>"}]}.
class FakeGraphApi final : public FakeProvider {
 public:
  FakeGraphApi() { start(); }
  ~FakeGraphApi() override;
  // A Graph API error body: {"error":{"message","type","code","error_data","fbtrace_id"}}.
  static ScriptedAnswer error(int code, int http_status = 400);
  static std::string message_id(std::size_t n);

 protected:
  ScriptedAnswer success(std::size_t n) const override;
};

// POST /api/v5/flow answering {"type":"success","message":"<request id>"}.
class FakeMsg91 final : public FakeProvider {
 public:
  FakeMsg91() { start(); }
  ~FakeMsg91() override;

 protected:
  ScriptedAnswer success(std::size_t n) const override;
};

// "sha256=<hex HMAC-SHA256(body, secret)>", as Meta signs webhooks (computed with OpenSSL, not
// with the server's libsodium code, so the two check each other).
std::string hub_signature(const std::string& body, const std::string& secret);

}  // namespace rx::test
