#include "api_client.h"

#include <chrono>
#include <stdexcept>
#include <thread>

namespace rx::bench {

ApiClient::ApiClient(const std::string& base_url) : client_(base_url) {
  client_.set_keep_alive(true);
  // Without it each request can wait for the server's delayed ACK (about 40 ms on Linux).
  client_.set_tcp_nodelay(true);
  client_.set_connection_timeout(5);
  client_.set_read_timeout(120);  // assigning 100,000 contacts is one request
}

void ApiClient::sign_in(const std::string& email, const std::string& password) {
  token_.clear();
  const nlohmann::json answer = post("/api/auth/login", {{"email", email}, {"password", password}});
  use_token(answer.at("token").get<std::string>());
}

void ApiClient::use_token(const std::string& token) {
  token_ = token;
  client_.set_bearer_token_auth(token_);
}

nlohmann::json ApiClient::get(const std::string& path) {
  return checked(retrying_busy([&] { return client_.Get(path); }), "GET", path);
}

nlohmann::json ApiClient::post(const std::string& path, const nlohmann::json& body) {
  const std::string text = body.dump();
  return checked(retrying_busy([&] { return client_.Post(path, text, "application/json"); }),
                 "POST", path);
}

httplib::Result ApiClient::retrying_busy(const std::function<httplib::Result()>& send) {
  for (int attempt = 1;; ++attempt) {
    httplib::Result result = send();
    if (!result || result->status != 503 || attempt == kBusyAttempts) return result;
    std::this_thread::sleep_for(std::chrono::seconds(1));  // the server's Retry-After
  }
}

nlohmann::json ApiClient::checked(const httplib::Result& result, const char* method,
                                  const std::string& path) {
  std::string request = method;
  request.append(" ").append(path);
  if (!result) {
    throw std::runtime_error(request + ": " + httplib::to_string(result.error()));
  }
  if (result->status < 200 || result->status > 299) {
    std::string message = request;
    message.append(" answered ").append(std::to_string(result->status)).append(": ");
    message.append(result->body.substr(0, 300));
    throw std::runtime_error(message);
  }
  return result->body.empty() ? nlohmann::json() : nlohmann::json::parse(result->body);
}

}  // namespace rx::bench
