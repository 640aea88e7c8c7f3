#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <functional>
#include <string>

namespace rx::bench {

// A signed-in client of a running `rxtrack serve`: JSON in, JSON out, one kept-alive
// connection. A 503 ("busy, try again") is tried again after a second, twice; any other answer
// than 2xx throws, naming the request and the answer. (For setting up and checking; the load
// itself counts every 503.)
class ApiClient {
 public:
  explicit ApiClient(const std::string& base_url);

  // POST /api/auth/login; later requests carry the bearer token it answers.
  void sign_in(const std::string& email, const std::string& password);
  // Uses a session signed in earlier instead.
  void use_token(const std::string& token);
  const std::string& token() const { return token_; }

  nlohmann::json get(const std::string& path);
  nlohmann::json post(const std::string& path, const nlohmann::json& body);

 private:
  static constexpr int kBusyAttempts = 3;

  httplib::Result retrying_busy(const std::function<httplib::Result()>& send);
  nlohmann::json checked(const httplib::Result& result, const char* method,
                         const std::string& path);

  httplib::Client client_;
  std::string token_;
};

}  // namespace rx::bench
