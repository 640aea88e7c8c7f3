#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace rx::insights {

// The baseline every model must beat: the outcome's rate within each category (for a contact,
// its last call's outcome), shrunk towards the overall rate with the weight of `prior_strength`
// rows, so a category seen twice is not scored as 0% or 100%.
class CategoryRates {
 public:
  // `categories[i]` in [0, category_count); labels 0 or 1, as many as the categories. Throws
  // std::invalid_argument otherwise.
  static CategoryRates fit(std::span<const int> categories, std::span<const int> labels,
                           int category_count, double prior_strength = 10);

  // Rates stored earlier (rates(), rows and overall() of a fitted one), read back; `rows` has
  // as many values as `rates`. Throws std::invalid_argument otherwise.
  static CategoryRates restore(std::vector<double> rates, std::vector<std::int64_t> rows,
                               double overall);

  // The shrunk rate of `category`; the overall rate for one never seen or out of range.
  double rate(int category) const;
  double overall() const { return overall_; }
  std::int64_t rows(int category) const;
  const std::vector<double>& rates() const { return rates_; }

 private:
  std::vector<double> rates_;
  std::vector<std::int64_t> rows_;
  double overall_ = 0;
};

}  // namespace rx::insights
