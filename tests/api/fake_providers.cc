#include "fake_providers.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

namespace rx::test {

FakeProvider::FakeProvider() = default;

FakeProvider::~FakeProvider() { shutdown(); }

void FakeProvider::shutdown() {
  release();
  server_.stop();
  if (thread_.joinable()) thread_.join();
}

void FakeProvider::start() {
  server_.Post(".*",
               [this](const httplib::Request& req, httplib::Response& res) { handle(req, res); });
  port_ = server_.bind_to_any_port("127.0.0.1");
  if (port_ <= 0) throw std::runtime_error("fake provider: cannot bind");
  thread_ = std::thread([this] { server_.listen_after_bind(); });
  // httplib's stop() does nothing before the accept loop runs, which would then never end: a
  // fake that is never called (a refused URL) would hang its test in shutdown().
  while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
}

std::string FakeProvider::base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }

void FakeProvider::script(std::vector<ScriptedAnswer> answers) {
  std::lock_guard lock(mutex_);
  script_.assign(answers.begin(), answers.end());
}

void FakeProvider::hold() {
  std::lock_guard lock(mutex_);
  held_ = true;
}

void FakeProvider::release() {
  {
    std::lock_guard lock(mutex_);
    held_ = false;
  }
  changed_.notify_all();
}

void FakeProvider::set_delay(std::chrono::milliseconds delay) {
  std::lock_guard lock(mutex_);
  delay_ = delay;
}

std::vector<RecordedRequest> FakeProvider::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

std::size_t FakeProvider::count() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

bool FakeProvider::wait_for(std::size_t n, std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return requests_.size() >= n; });
}

void FakeProvider::handle(const httplib::Request& req, httplib::Response& res) {
  RecordedRequest recorded{req.method,
                           req.path,
                           req.get_header_value("Authorization"),
                           req.get_header_value("authkey"),
                           req.get_header_value("Content-Type"),
                           nlohmann::json::parse(req.body, nullptr, false)};
  ScriptedAnswer answer;
  std::chrono::milliseconds delay{0};
  {
    std::unique_lock lock(mutex_);
    requests_.push_back(std::move(recorded));
    const std::size_t n = requests_.size();
    changed_.notify_all();
    changed_.wait(lock, [this] { return !held_; });
    if (!script_.empty()) {
      answer = script_.front();
      script_.pop_front();
    } else {
      answer = success(n);
    }
    delay = delay_;
  }
  if (delay.count() > 0) std::this_thread::sleep_for(delay);
  res.status = answer.status;
  res.set_content(answer.body, "application/json");
}

FakeGraphApi::~FakeGraphApi() { shutdown(); }

std::string FakeGraphApi::message_id(std::size_t n) { return "wamid.TEST" + std::to_string(n); }

ScriptedAnswer FakeGraphApi::success(std::size_t n) const {
  const nlohmann::json body = {{"messaging_product", "whatsapp"},
                               {"contacts", {{{"input", "recipient"}, {"wa_id", "recipient"}}}},
                               {"messages", {{{"id", message_id(n)}}}}};
  return {200, body.dump()};
}

ScriptedAnswer FakeGraphApi::error(int code, int http_status) {
  const nlohmann::json body = {
      {"error",
       {{"message", "(#" + std::to_string(code) + ") scripted failure"},
        {"type", "OAuthException"},
        {"code", code},
        {"error_data", {{"messaging_product", "whatsapp"}, {"details", "scripted by the test"}}},
        {"fbtrace_id", "AbCdEf"}}}};
  return {http_status, body.dump()};
}

FakeMsg91::~FakeMsg91() { shutdown(); }

ScriptedAnswer FakeMsg91::success(std::size_t n) const {
  char id[32];
  std::snprintf(id, sizeof id, "3763%08zx", n);
  return {200, nlohmann::json({{"type", "success"}, {"message", id}}).dump()};
}

std::string hub_signature(const std::string& body, const std::string& secret) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(body.data()), body.size(), mac, &length);
  std::string out = "sha256=";
  char hex[3];
  for (unsigned int i = 0; i < length; ++i) {
    std::snprintf(hex, sizeof hex, "%02x", mac[i]);
    out += hex;
  }
  return out;
}

}  // namespace rx::test
