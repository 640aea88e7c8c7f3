#pragma once

#include <cstdint>

namespace rx::insights {

// A rate (reached / attempts, converted / labelled, ...) as a Beta posterior: the prior is centred
// on `prior_rate` with the weight of `prior_strength` observations, then updated with the counts.
// With no observations the estimate is the prior itself.
struct RateEstimate {
  double rate = 0;  // posterior mean
  double low = 0;   // lower end of the central credible interval
  double high = 0;  // upper end
};

// `prior_rate` is clamped into [0.01, 0.99] (a shop with no history, or one that never failed,
// would otherwise give a prior with a zero parameter, which has no density); `prior_strength` must
// be positive and `successes <= trials`. `credible` is the interval's mass (0.90 = 5% and 95%
// quantiles). Never throws for valid arguments; a violated precondition is a programming error
// (std::invalid_argument).
RateEstimate beta_posterior(std::int64_t successes, std::int64_t trials, double prior_rate,
                            double prior_strength, double credible = 0.90);

// beta_posterior(...).rate alone, under the same preconditions: the mean costs a division where
// the interval's two quantiles cost an inverse incomplete beta each, so every caller that ranks
// or sums rates (the best-window search runs it for 36 windows of every contact on a list page)
// asks for this instead.
double posterior_mean(std::int64_t successes, std::int64_t trials, double prior_rate,
                      double prior_strength);

}  // namespace rx::insights
