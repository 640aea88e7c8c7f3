#pragma once

#include <nlohmann/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>

namespace rx::core {

// The one catalogue of failures the service reports. Each code maps to exactly one HTTP status in
// http/error_response.cc; driver errors map onto these in storage/driver_error.cc.
enum class ErrorCode {
  kBadRequest,            // malformed JSON or request
  kUnauthorized,          // not signed in, bad credentials
  kForbidden,             // signed in but the role may not do this
  kCsrfRejected,          // cookie-authenticated write without the CSRF header
  kNotFound,              // no such thing in this shop
  kConflict,              // unique key, invalid state move, already set up
  kPayloadTooLarge,       // body over the limit
  kRequestTimeout,        // the request's headers and body did not arrive by the deadline
  kHeadersTooLarge,       // request headers over the limit
  kUnsupportedMediaType,  // not a spreadsheet
  kValidation,            // well-formed but wrong field values
  kRateLimited,           // too many attempts
  kInternal,              // a bug
  kUnavailable,           // database down or busy
  kProviderError,         // a messaging provider refused a request rxtrack made for the user
};

std::string_view error_code_name(ErrorCode code);

// Thrown by services and repositories; caught once, at the HTTP boundary or in a CLI command,
// and turned into `{"error":{"code","message","details"}}`.
class AppError : public std::runtime_error {
 public:
  AppError(ErrorCode code, std::string message, nlohmann::json details = nullptr)
      : std::runtime_error(std::move(message)), code_(code), details_(std::move(details)) {}

  ErrorCode code() const { return code_; }
  const nlohmann::json& details() const { return details_; }

 private:
  ErrorCode code_;
  nlohmann::json details_;
};

[[noreturn]] inline void throw_not_found(std::string_view what) {
  throw AppError(ErrorCode::kNotFound, std::string(what) + " not found");
}

}  // namespace rx::core
