#pragma once

#include <optional>
#include <span>

namespace rx::insights {

// How well scores order outcomes, judged on rows a model was not trained on. `labels` are 0 or 1
// and as many as the scores; a violated precondition throws std::invalid_argument.

// Area under the ROC curve: the chance that a random positive scores above a random negative,
// ties counting half (as sklearn.metrics.roc_auc_score). Empty when one class is missing.
std::optional<double> roc_auc(std::span<const double> scores, std::span<const int> labels);

// Mean squared distance between predicted probability and outcome (sklearn's brier_score_loss).
// Empty for no rows.
std::optional<double> brier_score(std::span<const double> probabilities,
                                  std::span<const int> labels);

// "Lift" as the shop owner reads it: the share of all positives found in the `fraction` of rows
// with the highest scores (ceil(n * fraction) rows; equal scores keep their input order, so the
// answer is reproducible). Empty when there is no positive.
std::optional<double> share_found_in_top(std::span<const double> scores,
                                         std::span<const int> labels, double fraction);

}  // namespace rx::insights
