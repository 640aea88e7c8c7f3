#include "reports/percent.h"

#include <cmath>

namespace rx::reports {

double percent(std::int64_t part, std::int64_t whole) {
  if (whole == 0) return 0;
  // In hundredths of a percent with integer arithmetic, so 1/8 is exactly 12.5 and 2/3 is 66.67
  // with no binary-fraction surprises at the .xx5 boundary.
  const __int128 scaled = static_cast<__int128>(part) * 10000;
  const __int128 hundredths = (2 * scaled + whole) / (2 * static_cast<__int128>(whole));
  return static_cast<double>(hundredths) / 100.0;
}

double round2(double value) { return std::round(value * 100.0) / 100.0; }

}  // namespace rx::reports
