#pragma once

#include <cstdint>

namespace rx::reports {

// part / whole * 100, rounded half up to 2 decimals; 0 when `whole` is 0 (an empty shop). Pure:
// neither function throws.
double percent(std::int64_t part, std::int64_t whole);

// `value` rounded half away from zero to 2 decimals.
double round2(double value);

}  // namespace rx::reports
