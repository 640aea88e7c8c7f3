// Reads {"scores","labels","rows","features","l2"} as JSON on stdin and prints what rxtrack's
// insights code computes from them, for tests/unit/insights_sklearn_oracle.py to check against
// scikit-learn, an implementation written independently of this one.
#include "insights/logistic_model.h"
#include "insights/ranking_metrics.h"

#include <nlohmann/json.hpp>

#include <iostream>
#include <vector>

int main() {
  const nlohmann::json in = nlohmann::json::parse(std::cin);
  const auto scores = in.at("scores").get<std::vector<double>>();
  const auto labels = in.at("labels").get<std::vector<int>>();
  const auto rows = in.at("rows").get<std::vector<double>>();
  const auto features = in.at("features").get<std::size_t>();
  const rx::insights::LogisticModel model = rx::insights::fit_logistic(
      rows, features, labels, {.l2 = in.at("l2").get<double>(), .tolerance = 1e-12});
  nlohmann::json out;
  out["auc"] = *rx::insights::roc_auc(scores, labels);
  out["brier"] = *rx::insights::brier_score(scores, labels);
  out["share_top20"] = *rx::insights::share_found_in_top(scores, labels, 0.2);
  out["weights"] = model.weights;
  out["intercept"] = model.intercept;
  out["converged"] = model.converged;
  std::cout << out.dump() << '\n';
  return 0;
}
