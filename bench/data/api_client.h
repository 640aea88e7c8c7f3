#pragma once

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <string>

namespace rx::bench {

// A signed-in client of a running `rxtrack serve`: JSON in, JSON out, one kept-alive
// connection. Any answer other than 2xx throws, naming the request and the answer.
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
  nlohmann::json checked(const httplib::Result& result, const char* method,
                         const std::string& path);

  httplib::Client client_;
  std::string token_;
};

}  // namespace rx::bench
