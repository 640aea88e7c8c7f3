#include "insights/logistic_model.h"

#include <Eigen/Dense>
#include <cmath>
#include <stdexcept>

namespace rx::insights {
namespace {

double sigmoid(double t) {
  // Written for both signs so that exp() never overflows.
  if (t >= 0) return 1 / (1 + std::exp(-t));
  const double e = std::exp(t);
  return e / (1 + e);
}

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

}  // namespace

double LogisticModel::probability(std::span<const double> x) const {
  double t = intercept;
  for (double c : contributions(x)) t += c;
  return sigmoid(t);
}

std::vector<double> LogisticModel::contributions(std::span<const double> x) const {
  if (x.size() != weights.size()) throw std::invalid_argument("logistic: feature count");
  std::vector<double> out(x.size());
  for (std::size_t j = 0; j < x.size(); ++j) out[j] = weights[j] * (x[j] - mean[j]) / scale[j];
  return out;
}

LogisticModel fit_logistic(std::span<const double> rows, std::size_t features,
                           std::span<const int> labels, const LogisticOptions& options) {
  const auto n = static_cast<Eigen::Index>(labels.size());
  const auto k = static_cast<Eigen::Index>(features);
  if (n == 0 || rows.size() != labels.size() * features) {
    throw std::invalid_argument("logistic: rows and labels do not match");
  }
  const Eigen::Map<const RowMajor> x(rows.data(), n, k);
  LogisticModel model;
  const Eigen::RowVectorXd mean = x.colwise().mean();
  Eigen::RowVectorXd scale =
      ((x.rowwise() - mean).array().square().colwise().sum() / static_cast<double>(n)).sqrt();
  for (Eigen::Index j = 0; j < k; ++j) {
    if (!(scale(j) > 1e-12)) scale(j) = 1;
  }
  // Design matrix: a column of ones for the intercept, then the standardised features.
  Eigen::MatrixXd a(n, k + 1);
  a.col(0).setOnes();
  a.rightCols(k) = ((x.rowwise() - mean).array().rowwise() / scale.array()).matrix();
  Eigen::VectorXd y(n);
  for (Eigen::Index i = 0; i < n; ++i) y(i) = labels[static_cast<std::size_t>(i)];

  Eigen::VectorXd penalty = Eigen::VectorXd::Constant(k + 1, options.l2);
  penalty(0) = 0;
  Eigen::VectorXd theta = Eigen::VectorXd::Zero(k + 1);
  for (model.iterations = 0; model.iterations < options.max_iterations; ++model.iterations) {
    const Eigen::VectorXd p = (a * theta).unaryExpr([](double t) { return sigmoid(t); });
    const Eigen::VectorXd gradient = a.transpose() * (p - y) + penalty.cwiseProduct(theta);
    const Eigen::VectorXd w = p.cwiseProduct(Eigen::VectorXd::Ones(n) - p);
    Eigen::MatrixXd hessian = a.transpose() * w.asDiagonal() * a;
    hessian.diagonal() += penalty;
    // A tiny ridge keeps the intercept's row solvable when every label is the same.
    hessian.diagonal().array() += 1e-10;
    const Eigen::VectorXd step = hessian.ldlt().solve(gradient);
    theta -= step;
    if (step.cwiseAbs().maxCoeff() < options.tolerance) {
      model.converged = true;
      ++model.iterations;
      break;
    }
  }
  model.intercept = theta(0);
  model.weights.assign(theta.data() + 1, theta.data() + 1 + k);
  model.mean.assign(mean.data(), mean.data() + k);
  model.scale.assign(scale.data(), scale.data() + k);
  return model;
}

}  // namespace rx::insights
