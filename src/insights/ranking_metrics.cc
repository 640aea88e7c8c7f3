#include "insights/ranking_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace rx::insights {
namespace {

void check_same_size(std::size_t a, std::span<const int> labels) {
  if (a != labels.size()) throw std::invalid_argument("metrics: scores and labels differ in size");
  for (int label : labels) {
    if (label != 0 && label != 1) throw std::invalid_argument("metrics: a label is not 0 or 1");
  }
}

// Row indexes ordered by score, highest first; ties keep input order.
std::vector<std::size_t> by_score_descending(std::span<const double> scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  return order;
}

}  // namespace

std::optional<double> roc_auc(std::span<const double> scores, std::span<const int> labels) {
  check_same_size(scores.size(), labels);
  const auto positives = static_cast<double>(std::count(labels.begin(), labels.end(), 1));
  const double negatives = static_cast<double>(labels.size()) - positives;
  if (positives == 0 || negatives == 0) return std::nullopt;
  // Mann-Whitney: the positives' rank sum (ascending, ties given their average rank).
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
  double positive_rank_sum = 0;
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && scores[order[j]] == scores[order[i]]) ++j;
    const double average_rank = (static_cast<double>(i + 1) + static_cast<double>(j)) / 2;
    for (std::size_t k = i; k < j; ++k) {
      if (labels[order[k]] == 1) positive_rank_sum += average_rank;
    }
    i = j;
  }
  return (positive_rank_sum - positives * (positives + 1) / 2) / (positives * negatives);
}

std::optional<double> brier_score(std::span<const double> probabilities,
                                  std::span<const int> labels) {
  check_same_size(probabilities.size(), labels);
  if (labels.empty()) return std::nullopt;
  double sum = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    const double miss = probabilities[i] - labels[i];
    sum += miss * miss;
  }
  return sum / static_cast<double>(labels.size());
}

std::optional<double> share_found_in_top(std::span<const double> scores,
                                         std::span<const int> labels, double fraction) {
  check_same_size(scores.size(), labels);
  if (!(fraction > 0 && fraction <= 1)) throw std::invalid_argument("metrics: fraction");
  const auto positives = std::count(labels.begin(), labels.end(), 1);
  if (positives == 0) return std::nullopt;
  const auto top =
      static_cast<std::size_t>(std::ceil(static_cast<double>(scores.size()) * fraction));
  const std::vector<std::size_t> order = by_score_descending(scores);
  std::ptrdiff_t found = 0;
  for (std::size_t i = 0; i < top; ++i) found += labels[order[i]];
  return static_cast<double>(found) / static_cast<double>(positives);
}

}  // namespace rx::insights
