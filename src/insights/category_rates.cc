#include "insights/category_rates.h"

#include "insights/rate_estimate.h"

#include <stdexcept>
#include <utility>

namespace rx::insights {

CategoryRates CategoryRates::fit(std::span<const int> categories, std::span<const int> labels,
                                 int category_count, double prior_strength) {
  if (categories.size() != labels.size() || category_count <= 0) {
    throw std::invalid_argument("category rates: sizes");
  }
  std::vector<std::int64_t> positives(static_cast<std::size_t>(category_count), 0);
  CategoryRates out;
  out.rows_.assign(static_cast<std::size_t>(category_count), 0);
  std::int64_t all_positives = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const int c = categories[i];
    if (c < 0 || c >= category_count || (labels[i] != 0 && labels[i] != 1)) {
      throw std::invalid_argument("category rates: category or label out of range");
    }
    ++out.rows_[static_cast<std::size_t>(c)];
    positives[static_cast<std::size_t>(c)] += labels[i];
    all_positives += labels[i];
  }
  out.overall_ = posterior_mean(all_positives, static_cast<std::int64_t>(labels.size()), 0.5, 2);
  out.rates_.resize(static_cast<std::size_t>(category_count));
  for (std::size_t c = 0; c < out.rates_.size(); ++c) {
    out.rates_[c] = posterior_mean(positives[c], out.rows_[c], out.overall_, prior_strength);
  }
  return out;
}

CategoryRates CategoryRates::restore(std::vector<double> rates, std::vector<std::int64_t> rows,
                                     double overall) {
  if (rates.size() != rows.size()) throw std::invalid_argument("category rates: sizes");
  CategoryRates out;
  out.rates_ = std::move(rates);
  out.rows_ = std::move(rows);
  out.overall_ = overall;
  return out;
}

double CategoryRates::rate(int category) const {
  if (category < 0 || static_cast<std::size_t>(category) >= rates_.size()) return overall_;
  return rates_[static_cast<std::size_t>(category)];
}

std::int64_t CategoryRates::rows(int category) const {
  if (category < 0 || static_cast<std::size_t>(category) >= rows_.size()) return 0;
  return rows_[static_cast<std::size_t>(category)];
}

}  // namespace rx::insights
