#pragma once

#include "http/request_context.h"

#include <cstdint>

namespace rx::http {

inline constexpr std::int64_t kDefaultPageSize = 50;
inline constexpr std::int64_t kMaxPageSize = 500;

struct ListParams {
  std::int64_t limit = kDefaultPageSize;
  std::int64_t offset = 0;
};

// `limit` (1..500, default 50) and `offset` (>= 0) from the query; 422 when out of range.
ListParams read_list_params(const RequestContext& ctx);

}  // namespace rx::http
