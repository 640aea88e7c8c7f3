#include "http/body_policy.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string_view>

namespace rx::http {
namespace {

using core::AppError;
using core::ErrorCode;

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Every value of a header that may be repeated, each trimmed; true when one is not `allowed`.
bool has_value_other_than(const httplib::Request& req, const char* name, std::string_view allowed) {
  const auto [begin, end] = req.headers.equal_range(name);
  for (auto it = begin; it != end; ++it) {
    if (!equals_ignoring_case(trimmed(it->second), allowed)) return true;
  }
  return false;
}

// The media type of a Content-Type value, without its parameters.
std::string_view media_type(std::string_view content_type) {
  return trimmed(content_type.substr(0, content_type.find(';')));
}

std::string megabytes(std::size_t bytes) {
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

}  // namespace

bool method_has_body(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE" ||
         method == "PRI";
}

BodyVerdict judge_body(const httplib::Request& req, std::optional<BodyKind> kind,
                       const BodyLimits& limits) {
  BodyVerdict verdict;
  if (has_value_other_than(req, "Content-Encoding", "identity")) {
    verdict.refusal = AppError(ErrorCode::kUnsupportedMediaType,
                               "compressed request bodies are not accepted; send the body "
                               "without Content-Encoding");
    return verdict;
  }
  const bool chunked = req.has_header("Transfer-Encoding");
  if (has_value_other_than(req, "Transfer-Encoding", "chunked")) {
    verdict.refusal = AppError(ErrorCode::kUnsupportedMediaType,
                               "only the chunked Transfer-Encoding is accepted");
    return verdict;
  }
  verdict.max_bytes = kind == BodyKind::kUpload ? limits.upload_bytes : limits.json_bytes;

  std::optional<std::uint64_t> declared;
  if (!chunked && req.has_header("Content-Length")) {
    const std::string text = req.get_header_value("Content-Length");
    std::uint64_t length = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), length);
    if (error != std::errc() || end != text.data() + text.size()) {
      verdict.refusal = AppError(ErrorCode::kBadRequest, "the Content-Length is not a number");
      return verdict;
    }
    declared = length;
  }
  if (declared && *declared > verdict.max_bytes) {
    verdict.refusal =
        AppError(ErrorCode::kPayloadTooLarge, "the request body is too large (at most " +
                                                  megabytes(verdict.max_bytes) + " here)");
    return verdict;
  }

  if (kind != BodyKind::kJson) return verdict;
  // httplib reads no body for a DELETE without a Content-Length.
  const bool empty =
      (declared && *declared == 0) || (!declared && !chunked && req.method == "DELETE");
  const bool typed = req.has_header("Content-Type");
  const bool json = typed && equals_ignoring_case(media_type(req.get_header_value("Content-Type")),
                                                  "application/json");
  if ((typed && !json) || (!typed && !empty)) {
    verdict.refusal = AppError(ErrorCode::kUnsupportedMediaType,
                               "send the body as JSON with Content-Type: application/json");
  }
  return verdict;
}

}  // namespace rx::http
