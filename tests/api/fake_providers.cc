#include "fake_providers.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <optional>
#include <set>
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

namespace {

// The Cloud API's refusal of a template whose button components do not have the quick-reply
// shape ({"type":"button","sub_type":"quick_reply","index":"<digit>","parameters":[{"type":
// "payload","payload":"<text>"}]}, each index once): error 131009, parameter value is not valid.
// nullopt for a body it accepts.
std::optional<ScriptedAnswer> graph_api_refusal(const nlohmann::json& body) {
  if (!body.is_object() || !body.contains("template")) return std::nullopt;
  const nlohmann::json components = body["template"].value("components", nlohmann::json::array());
  std::set<std::string> indexes;
  for (const nlohmann::json& component : components) {
    if (component.value("type", "") != "button") continue;
    const nlohmann::json index = component.value("index", nlohmann::json());
    const nlohmann::json parameters = component.value("parameters", nlohmann::json());
    const bool well_formed =
        component.value("sub_type", "") == "quick_reply" && index.is_string() &&
        index.get<std::string>().size() == 1 && std::isdigit(index.get<std::string>()[0]) &&
        indexes.insert(index.get<std::string>()).second && parameters.is_array() &&
        parameters.size() == 1 && parameters[0].value("type", "") == "payload" &&
        parameters[0].contains("payload") && parameters[0]["payload"].is_string() &&
        !parameters[0]["payload"].get<std::string>().empty();
    if (!well_formed) return FakeGraphApi::error(131009);
  }
  return std::nullopt;
}

}  // namespace

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
    // The fake Cloud API checks a template's buttons as the real one does.
    const auto refused = dynamic_cast<const FakeGraphApi*>(this)
                             ? graph_api_refusal(requests_.back().body)
                             : std::nullopt;
    if (refused) {
      answer = *refused;
    } else if (!script_.empty()) {
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
