#include "insights/rate_estimate.h"

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <stdexcept>

namespace rx::insights {

RateEstimate beta_posterior(std::int64_t successes, std::int64_t trials, double prior_rate,
                            double prior_strength, double credible) {
  if (trials < 0 || successes < 0 || successes > trials || !(prior_strength > 0) ||
      !(credible > 0 && credible < 1)) {
    throw std::invalid_argument("beta_posterior: counts or prior out of range");
  }
  // The Beta quantile is the inverse of the regularised incomplete beta function: Boost.Math
  // computes it to double precision, which no hand-written approximation here would match.
  const double centre = std::clamp(prior_rate, 0.01, 0.99);
  const double alpha = centre * prior_strength + static_cast<double>(successes);
  const double beta = (1 - centre) * prior_strength + static_cast<double>(trials - successes);
  const boost::math::beta_distribution<double> posterior(alpha, beta);
  const double tail = (1 - credible) / 2;
  return RateEstimate{alpha / (alpha + beta), boost::math::quantile(posterior, tail),
                      boost::math::quantile(posterior, 1 - tail)};
}

}  // namespace rx::insights
