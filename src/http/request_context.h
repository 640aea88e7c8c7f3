#pragma once

#include "core/identity/principal.h"

#include <httplib.h>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>

namespace rx::http {

// What a route handler sees of a request: the raw request, the signed-in principal (for
// authenticated routes) and helpers that turn bad input into the right error.
class RequestContext {
 public:
  RequestContext(const httplib::Request& request, const auth::Principal* principal,
                 std::string client_ip);

  const httplib::Request& request() const { return request_; }
  const auth::Principal& principal() const;  // only on authenticated routes
  bool signed_in() const { return principal_ != nullptr; }
  const std::string& client_ip() const { return client_ip_; }

  // The JSON body: 400 when malformed, 413 over the JSON limit.
  nlohmann::json json_body() const;
  // The n-th regex group of the route as an id; 404 when it does not fit an id.
  std::int64_t path_id(int group = 1) const;
  std::string path_param(int group = 1) const;
  std::optional<std::string> query(const std::string& name) const;

 private:
  const httplib::Request& request_;
  const auth::Principal* principal_;
  std::string client_ip_;
};

void reply_json(httplib::Response& res, int status, const nlohmann::json& body);
// For answers written with core::JsonWriter: the text is already JSON.
void reply_json_text(httplib::Response& res, int status, std::string json);
void reply_no_content(httplib::Response& res);

}  // namespace rx::http
