#include "insights/reasons.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace rx::insights {

void add_reason(std::vector<std::string>& reasons, std::string text) {
  if (!text.empty() && std::find(reasons.begin(), reasons.end(), text) == reasons.end()) {
    reasons.push_back(std::move(text));
  }
}

std::vector<std::string> top_reasons(std::span<const double> contributions,
                                     const std::function<std::string(std::size_t, double)>& phrase,
                                     std::size_t most) {
  std::vector<std::size_t> order(contributions.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::abs(contributions[a]) > std::abs(contributions[b]);
  });
  std::vector<std::string> out;
  for (std::size_t f : order) {
    if (out.size() == most || std::abs(contributions[f]) < 0.05) break;
    add_reason(out, phrase(f, contributions[f]));
  }
  return out;
}

}  // namespace rx::insights
