#pragma once

#include "http/request_context.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rx::http {

// Typed query parameters; a value of the wrong form is a 422 naming the parameter.
std::optional<std::int64_t> query_id(const RequestContext& ctx, const std::string& name);
std::optional<bool> query_bool(const RequestContext& ctx, const std::string& name);
std::optional<std::string> query_date(const RequestContext& ctx,
                                      const std::string& name);  // YYYY-MM-DD
// One of `allowed`, or 422 listing them.
std::optional<std::string> query_choice(const RequestContext& ctx, const std::string& name,
                                        std::initializer_list<std::string_view> allowed);

}  // namespace rx::http
