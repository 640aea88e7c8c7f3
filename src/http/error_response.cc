#include "http/error_response.h"

#include <nlohmann/json.hpp>

namespace rx::http {

using core::ErrorCode;

int status_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest:
      return 400;
    case ErrorCode::kUnauthorized:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kCsrfRejected:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
      return 409;
    case ErrorCode::kPayloadTooLarge:
      return 413;
    case ErrorCode::kRequestTimeout:
      return 408;
    case ErrorCode::kHeadersTooLarge:
      return 431;
    case ErrorCode::kUnsupportedMediaType:
      return 415;
    case ErrorCode::kValidation:
      return 422;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kUnavailable:
      return 503;
    case ErrorCode::kProviderError:
      return 502;
  }
  return 500;
}

void write_error(httplib::Response& res, const core::AppError& error) {
  nlohmann::json body = {{"error",
                          {{"code", core::error_code_name(error.code())},
                           {"message", error.what()},
                           {"details", error.details()}}}};
  res.status = status_for(error.code());
  res.set_content(body.dump(), "application/json");
}

void write_error(httplib::Response& res, ErrorCode code, std::string message) {
  write_error(res, core::AppError(code, std::move(message)));
}

}  // namespace rx::http
