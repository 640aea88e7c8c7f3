#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace rx::insights {

// A logistic regression over standardised features: P(y = 1 | x) = sigmoid(b + sum_j w_j z_j),
// z_j = (x_j - mean_j) / scale_j. Kept as plain vectors so it can be stored and read back.
struct LogisticModel {
  std::vector<double> weights;  // one a feature, on the standardised scale
  double intercept = 0;
  std::vector<double> mean;
  std::vector<double> scale;  // the feature's standard deviation; 1 for a constant feature
  int iterations = 0;         // Newton steps the fit took
  bool converged = false;

  std::size_t features() const { return weights.size(); }
  // `x` has features() values; a wrong size throws std::invalid_argument.
  double probability(std::span<const double> x) const;
  // Each feature's push on the log-odds against a row at the training mean (w_j z_j): the
  // largest in size are the reasons a score is what it is.
  std::vector<double> contributions(std::span<const double> x) const;
};

struct LogisticOptions {
  double l2 = 1.0;  // penalty on the weights (not the intercept): sklearn's C is 1 / l2
  int max_iterations = 50;
  double tolerance = 1e-9;  // stop when no parameter moves more than this in a Newton step
};

// Fits by Newton's method (iteratively reweighted least squares) with Eigen doing the linear
// algebra. `rows` holds labels.size() rows of `features` values each, row after row; labels are
// 0 or 1. Throws std::invalid_argument on mismatched sizes or no rows.
LogisticModel fit_logistic(std::span<const double> rows, std::size_t features,
                           std::span<const int> labels, const LogisticOptions& options = {});

}  // namespace rx::insights
