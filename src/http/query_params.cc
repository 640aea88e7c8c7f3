#include "http/query_params.h"

#include "core/error.h"
#include "core/time_zone.h"

#include <algorithm>
#include <charconv>

namespace rx::http {
namespace {

[[noreturn]] void bad(const std::string& name, const std::string& reason) {
  throw core::AppError(core::ErrorCode::kValidation, name + " " + reason,
                       {{"fields", {{name, reason}}}});
}

}  // namespace

std::optional<std::int64_t> query_id(const RequestContext& ctx, const std::string& name) {
  auto text = ctx.query(name);
  if (!text) return std::nullopt;
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc() || end != text->data() + text->size() || id <= 0)
    bad(name, "must be an id");
  return id;
}

std::optional<bool> query_bool(const RequestContext& ctx, const std::string& name) {
  auto text = ctx.query(name);
  if (!text) return std::nullopt;
  if (*text == "true" || *text == "1") return true;
  if (*text == "false" || *text == "0") return false;
  bad(name, "must be true or false");
}

std::optional<std::string> query_date(const RequestContext& ctx, const std::string& name) {
  auto text = ctx.query(name);
  if (!text) return std::nullopt;
  if (!core::is_valid_date(*text)) bad(name, "must be a date like 2026-11-25");
  return text;
}

std::optional<std::string> query_choice(const RequestContext& ctx, const std::string& name,
                                        std::initializer_list<std::string_view> allowed) {
  auto text = ctx.query(name);
  if (!text) return std::nullopt;
  if (std::find(allowed.begin(), allowed.end(), *text) != allowed.end()) return text;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  bad(name, "must be one of " + list);
}

}  // namespace rx::http
