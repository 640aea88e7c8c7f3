#pragma once

#include "core/enum_names.h"
#include "insights/category_rates.h"
#include "insights/logistic_model.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace rx::insights {

// One labelled example as training sees it: the features known at scoring time, the baseline's
// category, when it entered the shop's history (for the time-based holdout) and its outcome.
struct LabelledSet {
  std::size_t features = 0;
  std::vector<double> rows;   // labels.size() rows of `features` values, row after row
  std::vector<int> category;  // the baseline's category of each row
  std::vector<std::int64_t> time;
  std::vector<int> labels;
  int category_count = 1;

  std::size_t size() const { return labels.size(); }
  // Appends a row; throws std::invalid_argument when `x` has the wrong size.
  void add(std::span<const double> x, int row_category, std::int64_t at, int label);
};

// How a scorer did on rows it was not trained on.
struct HoldoutMetrics {
  std::int64_t rows = 0;
  std::int64_t positives = 0;
  std::optional<double> auc;
  std::optional<double> brier;
  std::optional<double> share_top20;  // share of positives found in the top 20% of scores
};

enum class ScorerKind { kModel, kBaseline };

// Why the baseline scores instead of the model (kNone when the model does).
enum class BaselineReason { kNone, kTooFewLabelled, kTooFewPositives, kModelNotBetter };

}  // namespace rx::insights

template <>
struct rx::core::EnumNames<rx::insights::ScorerKind> {
  using E = rx::insights::ScorerKind;
  static constexpr auto kNames = spellings<E>(E::kModel, "model", E::kBaseline, "baseline");
};

template <>
struct rx::core::EnumNames<rx::insights::BaselineReason> {
  using E = rx::insights::BaselineReason;
  static constexpr auto kNames =
      spellings<E>(E::kNone, "none", E::kTooFewLabelled, "too_few_labelled", E::kTooFewPositives,
                   "too_few_positives", E::kModelNotBetter, "model_not_better");
};

namespace rx::insights {

struct TrainingRules {
  std::int64_t min_labelled = 200;
  std::int64_t min_positives = 20;
  double holdout_fraction = 0.2;  // the latest rows by time
  LogisticOptions fit;
};

struct TrainedScorer {
  ScorerKind kind = ScorerKind::kBaseline;
  BaselineReason reason = BaselineReason::kTooFewLabelled;
  LogisticModel model;     // fitted on every row when kind is kModel
  CategoryRates baseline;  // fitted on every row
  std::int64_t rows = 0;
  std::int64_t positives = 0;
  HoldoutMetrics model_holdout;  // empty counts when there was too little to judge
  HoldoutMetrics baseline_holdout;
};

// Judges a regularised logistic regression against the category baseline on the latest
// `holdout_fraction` of rows (trained on the rest), then refits the winner on every row. The
// model wins only with enough data and a strictly higher holdout AUC. Throws
// std::invalid_argument on an inconsistent set.
TrainedScorer train_scorer(const LabelledSet& set, const TrainingRules& rules = {});

// Score of one row: the model's probability or the baseline's category rate.
double score(const TrainedScorer& scorer, std::span<const double> x, int row_category);

std::string_view baseline_reason_name(BaselineReason reason);

}  // namespace rx::insights
