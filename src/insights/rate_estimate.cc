#include "insights/rate_estimate.h"

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <stdexcept>

namespace rx::insights {

namespace {

struct BetaParameters {
  double alpha = 0;
  double beta = 0;
};

BetaParameters posterior_parameters(std::int64_t successes, std::int64_t trials, double prior_rate,
                                    double prior_strength) {
  if (trials < 0 || successes < 0 || successes > trials || !(prior_strength > 0)) {
    throw std::invalid_argument("beta_posterior: counts or prior out of range");
  }
  const double centre = std::clamp(prior_rate, 0.01, 0.99);
  return {centre * prior_strength + static_cast<double>(successes),
          (1 - centre) * prior_strength + static_cast<double>(trials - successes)};
}

}  // namespace

double posterior_mean(std::int64_t successes, std::int64_t trials, double prior_rate,
                      double prior_strength) {
  const BetaParameters p = posterior_parameters(successes, trials, prior_rate, prior_strength);
  return p.alpha / (p.alpha + p.beta);
}

RateEstimate beta_posterior(std::int64_t successes, std::int64_t trials, double prior_rate,
                            double prior_strength, double credible) {
  if (!(credible > 0 && credible < 1)) {
    throw std::invalid_argument("beta_posterior: credible mass out of (0, 1)");
  }
  // The Beta quantile is the inverse of the regularised incomplete beta function: Boost.Math
  // computes it to double precision, which no hand-written approximation here would match.
  const auto [alpha, beta] = posterior_parameters(successes, trials, prior_rate, prior_strength);
  const boost::math::beta_distribution<double> posterior(alpha, beta);
  const double tail = (1 - credible) / 2;
  return RateEstimate{alpha / (alpha + beta), boost::math::quantile(posterior, tail),
                      boost::math::quantile(posterior, 1 - tail)};
}

}  // namespace rx::insights
