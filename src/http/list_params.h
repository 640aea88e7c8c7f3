#pragma once

#include "http/request_context.h"

#include <cstdint>

namespace rx::http {

inline constexpr std::int64_t kDefaultPageSize = 50;
inline constexpr std::int64_t kMaxPageSize = 500;
// No page a person reads starts this deep (2,000 pages of 50); a deeper offset only makes the
// database walk and throw away rows, so it is refused rather than served slowly.
inline constexpr std::int64_t kMaxOffset = 100'000;

struct ListParams {
  std::int64_t limit = kDefaultPageSize;
  std::int64_t offset = 0;
};

// `limit` (1..500, default 50) and `offset` (0..100,000, default 0) from the query; 422 naming
// the parameter when it is out of range or not a whole number.
ListParams read_list_params(const RequestContext& ctx);

}  // namespace rx::http
