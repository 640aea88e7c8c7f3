#include "insights/scorer_training.h"

#include "insights/ranking_metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace rx::insights {
namespace {

// The rows of `set` at `index`, as a set of their own.
LabelledSet subset(const LabelledSet& set, std::span<const std::size_t> index) {
  LabelledSet out;
  out.features = set.features;
  out.category_count = set.category_count;
  for (std::size_t i : index) {
    out.add({set.rows.data() + i * set.features, set.features}, set.category[i], set.time[i],
            set.labels[i]);
  }
  return out;
}

HoldoutMetrics judge(std::span<const double> scores, std::span<const int> labels) {
  HoldoutMetrics m;
  m.rows = static_cast<std::int64_t>(labels.size());
  m.positives = std::count(labels.begin(), labels.end(), 1);
  m.auc = roc_auc(scores, labels);
  m.brier = brier_score(scores, labels);
  m.share_top20 = share_found_in_top(scores, labels, 0.2);
  return m;
}

std::int64_t count_positives(const LabelledSet& set) {
  return std::count(set.labels.begin(), set.labels.end(), 1);
}

}  // namespace

void LabelledSet::add(std::span<const double> x, int row_category, std::int64_t at, int label) {
  if (x.size() != features) throw std::invalid_argument("labelled set: feature count");
  rows.insert(rows.end(), x.begin(), x.end());
  category.push_back(row_category);
  time.push_back(at);
  labels.push_back(label);
}

TrainedScorer train_scorer(const LabelledSet& set, const TrainingRules& rules) {
  if (set.rows.size() != set.size() * set.features || set.category.size() != set.size() ||
      set.time.size() != set.size()) {
    throw std::invalid_argument("labelled set: columns differ in length");
  }
  TrainedScorer out;
  out.rows = static_cast<std::int64_t>(set.size());
  out.positives = count_positives(set);
  out.baseline = CategoryRates::fit(set.category, set.labels, set.category_count);
  if (out.rows < rules.min_labelled) {
    out.reason = BaselineReason::kTooFewLabelled;
    return out;
  }
  if (out.positives < rules.min_positives) {
    out.reason = BaselineReason::kTooFewPositives;
    return out;
  }

  // Time-based holdout: the latest rows are what the model would meet next.
  std::vector<std::size_t> order(set.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return set.time[a] < set.time[b]; });
  const auto held =
      static_cast<std::size_t>(std::ceil(static_cast<double>(set.size()) * rules.holdout_fraction));
  const std::span<const std::size_t> all(order);
  const LabelledSet train = subset(set, all.first(order.size() - held));
  const LabelledSet test = subset(set, all.last(held));

  const LogisticModel candidate = fit_logistic(train.rows, train.features, train.labels, rules.fit);
  const CategoryRates baseline =
      CategoryRates::fit(train.category, train.labels, train.category_count);
  std::vector<double> model_scores, baseline_scores;
  for (std::size_t i = 0; i < test.size(); ++i) {
    model_scores.push_back(
        candidate.probability({test.rows.data() + i * test.features, test.features}));
    baseline_scores.push_back(baseline.rate(test.category[i]));
  }
  out.model_holdout = judge(model_scores, test.labels);
  out.baseline_holdout = judge(baseline_scores, test.labels);

  const bool judged = out.model_holdout.auc && out.baseline_holdout.auc;
  if (!judged || *out.model_holdout.auc <= *out.baseline_holdout.auc) {
    out.reason = BaselineReason::kModelNotBetter;
    return out;
  }
  out.kind = ScorerKind::kModel;
  out.reason = BaselineReason::kNone;
  out.model = fit_logistic(set.rows, set.features, set.labels, rules.fit);
  return out;
}

double score(const TrainedScorer& scorer, std::span<const double> x, int row_category) {
  if (scorer.kind == ScorerKind::kModel) return scorer.model.probability(x);
  return scorer.baseline.rate(row_category);
}

std::string_view baseline_reason_name(BaselineReason reason) { return core::enum_name(reason); }

}  // namespace rx::insights
