#include "insights/ranking_metrics.h"
#include "insights/scorer_training.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace rx::insights {
namespace {

// A known process: the chance to convert rises with x0, falls with x1, x2 is noise; the baseline
// category is a coarse view of x0 (its sign), so the baseline knows something but less.
LabelledSet draw(std::size_t n, std::uint64_t seed, double intercept = -1.5) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> unit;
  LabelledSet set;
  set.features = 3;
  set.category_count = 2;
  for (std::size_t i = 0; i < n; ++i) {
    const double x0 = normal(rng), x1 = normal(rng), x2 = normal(rng);
    const double p = 1 / (1 + std::exp(-(intercept + 1.5 * x0 - 1.0 * x1)));
    const double x[] = {x0, x1, x2};
    set.add(x, x0 > 0 ? 1 : 0, static_cast<std::int64_t>(i), unit(rng) < p ? 1 : 0);
  }
  return set;
}

TEST(ScorerTraining, AModelOnEnoughDataBeatsTheBaselineOnAFreshSet) {
  const TrainedScorer scorer = train_scorer(draw(2000, 1));
  ASSERT_EQ(scorer.kind, ScorerKind::kModel);
  EXPECT_EQ(scorer.reason, BaselineReason::kNone);
  ASSERT_TRUE(scorer.model_holdout.auc && scorer.baseline_holdout.auc);
  EXPECT_GT(*scorer.model_holdout.auc, *scorer.baseline_holdout.auc);
  EXPECT_EQ(scorer.model_holdout.rows, 400);  // the latest 20% of 2,000

  const LabelledSet fresh = draw(3000, 99);
  std::vector<double> model_scores, baseline_scores;
  for (std::size_t i = 0; i < fresh.size(); ++i) {
    const std::span<const double> x{fresh.rows.data() + 3 * i, 3};
    model_scores.push_back(score(scorer, x, fresh.category[i]));
    baseline_scores.push_back(scorer.baseline.rate(fresh.category[i]));
  }
  const double model_auc = *roc_auc(model_scores, fresh.labels);
  EXPECT_GE(model_auc, 0.75);
  EXPECT_GT(model_auc, *roc_auc(baseline_scores, fresh.labels));
}

TEST(ScorerTraining, TooLittleDataGivesTheBaselineAndSaysWhy) {
  const TrainedScorer few = train_scorer(draw(150, 2));
  EXPECT_EQ(few.kind, ScorerKind::kBaseline);
  EXPECT_EQ(few.reason, BaselineReason::kTooFewLabelled);
  EXPECT_EQ(baseline_reason_name(few.reason), "too_few_labelled");

  // Enough rows, almost no conversions.
  const TrainedScorer rare = train_scorer(draw(1000, 3, -7.0));
  EXPECT_EQ(rare.kind, ScorerKind::kBaseline);
  EXPECT_EQ(rare.reason, BaselineReason::kTooFewPositives);
  // The baseline still scores, by category.
  const double x[] = {0, 0, 0};
  EXPECT_DOUBLE_EQ(score(rare, x, 1), rare.baseline.rate(1));
}

TEST(ScorerTraining, AModelThatDoesNotBeatTheBaselineIsNotUsed) {
  // Only the category carries signal; the features are noise.
  std::mt19937_64 rng(5);
  std::normal_distribution<double> normal;
  std::uniform_real_distribution<double> unit;
  LabelledSet set;
  set.features = 2;
  set.category_count = 3;
  for (int i = 0; i < 1500; ++i) {
    const int category = i % 3;
    const double x[] = {normal(rng), normal(rng)};
    set.add(x, category, i, unit(rng) < 0.1 + 0.3 * category ? 1 : 0);
  }
  const TrainedScorer scorer = train_scorer(set);
  EXPECT_EQ(scorer.kind, ScorerKind::kBaseline);
  EXPECT_EQ(scorer.reason, BaselineReason::kModelNotBetter);
  EXPECT_GT(*scorer.baseline_holdout.auc, *scorer.model_holdout.auc);
}

TEST(ScorerTraining, TheHoldoutIsTheLatestRowsByTime) {
  // Rows added newest first: the holdout must still be the largest times. Labels flip with time,
  // so a holdout drawn from the oldest rows would hold only zeros.
  LabelledSet set;
  set.features = 1;
  for (int i = 999; i >= 0; --i) {
    const double x[] = {static_cast<double>(i % 7)};
    set.add(x, 0, i, (i >= 800) ? (i % 2) : (i % 10 == 0 ? 1 : 0));
  }
  const TrainedScorer scorer = train_scorer(set);
  EXPECT_EQ(scorer.model_holdout.rows, 200);
  EXPECT_EQ(scorer.model_holdout.positives, 100);
}

TEST(CategoryRates, ShrinksSmallCategoriesTowardsTheOverallRate) {
  const std::vector<int> categories{0, 0, 0, 0, 0, 0, 0, 0, 1, 1};
  const std::vector<int> labels{1, 0, 1, 0, 1, 0, 1, 0, 1, 1};
  const CategoryRates rates = CategoryRates::fit(categories, labels, 3);
  EXPECT_GT(rates.rate(1), rates.overall());
  EXPECT_LT(rates.rate(1), 1.0);
  EXPECT_DOUBLE_EQ(rates.rate(2), rates.overall());   // never seen
  EXPECT_DOUBLE_EQ(rates.rate(-1), rates.overall());  // out of range
  EXPECT_EQ(rates.rows(0), 8);
}

}  // namespace
}  // namespace rx::insights
