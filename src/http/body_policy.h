#pragma once

#include "core/error.h"

#include <httplib.h>

#include <cstddef>
#include <optional>

namespace rx::http {

// The largest JSON body any route takes.
inline constexpr std::size_t kMaxJsonBodyBytes = 1024 * 1024;

// What a route takes as its request body; given when the route is registered, JSON unless said
// otherwise, so that a new route gets the strictest rule.
enum class BodyKind {
  // application/json only (a charset parameter is fine), at most the JSON limit. An empty body
  // may come without a Content-Type (bodyless POSTs such as logout). Other types are refused
  // 415 before the body is read, so that a cross-site HTML form (which cannot send JSON) cannot
  // reach the route.
  kJson,
  // Any type, up to the upload limit; the handler requires multipart/form-data itself.
  kUpload,
  // Any type, at most the JSON limit: provider callbacks (MSG91 posts forms or JSON).
  kAnyType,
};

struct BodyLimits {
  std::size_t json_bytes = 0;
  std::size_t upload_bytes = 0;
};

// The decision about a request's body, made from its headers before any of it is read.
struct BodyVerdict {
  std::optional<core::AppError> refusal;  // answer this, without reading the body
  std::size_t max_bytes = 0;              // otherwise: read at most this much of it
};

// `kind` is the matched route's (nullopt: no route matches; the body is bounded by the JSON
// limit and then answered 404). Refuses, whatever the route:
// - a Content-Encoding other than identity (415): httplib would inflate gzip, deflate or br
//   bodies into memory before any route or sign-in check, with its limit counting compressed
//   bytes;
// - a Transfer-Encoding other than chunked (415), which httplib does not decode;
// - a declared Content-Length over the route's limit (413).
BodyVerdict judge_body(const httplib::Request& req, std::optional<BodyKind> kind,
                       const BodyLimits& limits);

// Whether httplib reads a body for this method (it never does for GET or HEAD).
bool method_has_body(const std::string& method);

}  // namespace rx::http
