#include "http/list_params.h"

#include "core/error.h"

#include <charconv>

namespace rx::http {
namespace {

std::int64_t read_number(const RequestContext& ctx, const char* name, std::int64_t fallback,
                         std::int64_t min, std::int64_t max) {
  auto text = ctx.query(name);
  if (!text) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max) {
    const std::string reason =
        "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max);
    throw core::AppError(core::ErrorCode::kValidation, std::string(name) + " " + reason,
                         {{"fields", {{name, reason}}}});
  }
  return value;
}

}  // namespace

ListParams read_list_params(const RequestContext& ctx) {
  ListParams params;
  params.limit = read_number(ctx, "limit", kDefaultPageSize, 1, kMaxPageSize);
  params.offset = read_number(ctx, "offset", 0, 0, kMaxOffset);
  return params;
}

}  // namespace rx::http
