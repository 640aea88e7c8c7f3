#include "http/request_context.h"

#include "core/error.h"
#include "http/body_policy.h"

#include <charconv>

namespace rx::http {
RequestContext::RequestContext(const httplib::Request& request, const auth::Principal* principal,
                               std::string client_ip)
    : request_(request), principal_(principal), client_ip_(std::move(client_ip)) {}

const auth::Principal& RequestContext::principal() const {
  if (!principal_) throw core::AppError(core::ErrorCode::kUnauthorized, "sign in first");
  return *principal_;
}

nlohmann::json RequestContext::json_body() const {
  if (request_.body.size() > kMaxJsonBodyBytes) {
    throw core::AppError(core::ErrorCode::kPayloadTooLarge, "JSON bodies are limited to 1 MB");
  }
  if (request_.body.empty()) {
    throw core::AppError(core::ErrorCode::kBadRequest, "a JSON body is required");
  }
  nlohmann::json body = nlohmann::json::parse(request_.body, nullptr, false);
  if (body.is_discarded()) {
    throw core::AppError(core::ErrorCode::kBadRequest, "the body is not valid JSON");
  }
  return body;
}

std::int64_t RequestContext::path_id(int group) const {
  std::string text = path_param(group);
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    throw core::AppError(core::ErrorCode::kNotFound, "not found");
  }
  return id;
}

std::string RequestContext::path_param(int group) const {
  if (static_cast<std::size_t>(group) >= request_.matches.size()) return {};
  return request_.matches[group].str();
}

std::optional<std::string> RequestContext::query(const std::string& name) const {
  if (!request_.has_param(name.c_str())) return std::nullopt;
  return request_.get_param_value(name.c_str());
}

void reply_json(httplib::Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void reply_json_text(httplib::Response& res, int status, std::string json) {
  res.status = status;
  res.body = std::move(json);
  res.set_header("Content-Type", "application/json");
}

void reply_no_content(httplib::Response& res) { res.status = 204; }

}  // namespace rx::http
