#include "insights/logistic_model.h"
#include "insights/ranking_metrics.h"
#include "insights/rate_estimate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <stdexcept>
#include <vector>

namespace rx::insights {
namespace {

TEST(BetaPosterior, NoObservationsGiveThePrior) {
  const RateEstimate e = beta_posterior(0, 0, 0.3, 10);
  EXPECT_NEAR(e.rate, 0.3, 1e-12);
  EXPECT_LT(e.low, 0.3);
  EXPECT_GT(e.high, 0.3);
}

TEST(BetaPosterior, CountsPullTheMeanAndNarrowTheInterval) {
  // Beta(3 + 40, 7 + 60): mean 43 / 110.
  const RateEstimate e = beta_posterior(40, 100, 0.3, 10);
  EXPECT_NEAR(e.rate, 43.0 / 110.0, 1e-12);
  const RateEstimate prior = beta_posterior(0, 0, 0.3, 10);
  EXPECT_LT(e.high - e.low, prior.high - prior.low);
  // Reference values: scipy.stats.beta(43, 67).ppf([0.05, 0.95]).
  EXPECT_NEAR(e.low, 0.31583, 5e-5);
  EXPECT_NEAR(e.high, 0.46825, 5e-5);
}

TEST(BetaPosterior, ExtremePriorIsClampedAndBadCountsThrow) {
  const RateEstimate e = beta_posterior(0, 0, 0.0, 10);
  EXPECT_NEAR(e.rate, 0.01, 1e-12);
  EXPECT_THROW(beta_posterior(5, 4, 0.5, 10), std::invalid_argument);
  EXPECT_THROW(beta_posterior(1, 4, 0.5, 0), std::invalid_argument);
}

TEST(PosteriorMean, IsTheIntervalFreeRateUnderTheSamePreconditions) {
  EXPECT_NEAR(posterior_mean(40, 100, 0.3, 10), 43.0 / 110.0, 1e-12);
  EXPECT_DOUBLE_EQ(posterior_mean(7, 19, 0.62, 4), beta_posterior(7, 19, 0.62, 4).rate);
  EXPECT_NEAR(posterior_mean(0, 0, 1.0, 10), 0.99, 1e-12);
  EXPECT_THROW(posterior_mean(5, 4, 0.5, 10), std::invalid_argument);
  EXPECT_THROW(posterior_mean(-1, 4, 0.5, 10), std::invalid_argument);
  EXPECT_THROW(posterior_mean(1, 4, 0.5, 0), std::invalid_argument);
}

TEST(RankingMetrics, AucCountsTiesAsHalf) {
  const std::vector<double> scores{0.1, 0.4, 0.35, 0.8};
  const std::vector<int> labels{0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(*roc_auc(scores, labels), 0.75);
  const std::vector<double> tied{0.5, 0.5, 0.5, 0.5};
  EXPECT_DOUBLE_EQ(*roc_auc(tied, labels), 0.5);
  const std::vector<int> one_class{1, 1, 1, 1};
  EXPECT_FALSE(roc_auc(scores, one_class).has_value());
}

TEST(RankingMetrics, BrierAndShareFoundInTop) {
  const std::vector<double> p{0.9, 0.2, 0.6, 0.1, 0.7};
  const std::vector<int> y{1, 0, 0, 0, 1};
  EXPECT_NEAR(*brier_score(p, y), (0.01 + 0.04 + 0.36 + 0.01 + 0.09) / 5, 1e-12);
  // Top 40% = ceil(2) rows: 0.9 (positive) and 0.7 (positive) -> both of the two positives.
  EXPECT_DOUBLE_EQ(*share_found_in_top(p, y, 0.4), 1.0);
  // Top 20% = 1 row: one of two.
  EXPECT_DOUBLE_EQ(*share_found_in_top(p, y, 0.2), 0.5);
  const std::vector<int> none{0, 0, 0, 0, 0};
  EXPECT_FALSE(share_found_in_top(p, none, 0.2).has_value());
  EXPECT_THROW((void)brier_score(p, std::vector<int>{1, 0}), std::invalid_argument);
}

TEST(LogisticModel, RecoversAKnownProcessAndRanksUnseenRows) {
  // y ~ Bernoulli(sigmoid(-1 + 2 x0 - 1 x1)), x1 independent noise of no weight on x2.
  std::mt19937_64 rng(7);
  std::normal_distribution<double> normal;
  auto draw = [&](std::size_t n, std::vector<double>& rows, std::vector<int>& labels) {
    std::uniform_real_distribution<double> unit;
    for (std::size_t i = 0; i < n; ++i) {
      const double x0 = normal(rng), x1 = normal(rng), x2 = normal(rng);
      rows.insert(rows.end(), {x0, x1, x2});
      const double p = 1 / (1 + std::exp(-(-1 + 2 * x0 - x1)));
      labels.push_back(unit(rng) < p ? 1 : 0);
    }
  };
  std::vector<double> train_rows, test_rows;
  std::vector<int> train_labels, test_labels;
  draw(5000, train_rows, train_labels);
  draw(2000, test_rows, test_labels);
  const LogisticModel model = fit_logistic(train_rows, 3, train_labels, {.l2 = 1.0});
  ASSERT_TRUE(model.converged);
  // Weights are on the standardised scale; the features are already ~N(0, 1).
  EXPECT_NEAR(model.weights[0], 2.0, 0.2);
  EXPECT_NEAR(model.weights[1], -1.0, 0.15);
  EXPECT_NEAR(model.weights[2], 0.0, 0.1);
  std::vector<double> scores;
  for (std::size_t i = 0; i < test_labels.size(); ++i) {
    scores.push_back(model.probability({test_rows.data() + 3 * i, 3}));
  }
  EXPECT_GT(*roc_auc(scores, test_labels), 0.8);
}

TEST(LogisticModel, ContributionsExplainTheLogOdds) {
  const std::vector<double> rows{0, 1, 1, 0, 2, 1, 3, 0, 4, 1, 5, 0};
  const std::vector<int> labels{0, 0, 1, 0, 1, 1};
  const LogisticModel model = fit_logistic(rows, 2, labels);
  const std::vector<double> x{4, 1};
  const std::vector<double> c = model.contributions(x);
  const double t = model.intercept + c[0] + c[1];
  EXPECT_NEAR(model.probability(x), 1 / (1 + std::exp(-t)), 1e-12);
  EXPECT_THROW((void)model.probability(std::vector<double>{1}), std::invalid_argument);
  EXPECT_THROW(fit_logistic(rows, 2, std::vector<int>{0, 1}), std::invalid_argument);
}

}  // namespace
}  // namespace rx::insights
