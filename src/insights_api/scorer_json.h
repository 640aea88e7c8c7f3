#pragma once

#include "insights/scorer_training.h"

#include <nlohmann/json.hpp>

namespace rx::insights_api {

// A trained scorer's parameters as stored: {"model":{"weights","intercept","mean","scale"},
// "baseline":{"rates","rows","overall"}}; read back, it scores exactly as it did.
nlohmann::json parameters_json(const insights::TrainedScorer& scorer);
// Fills `scorer.model` and `scorer.baseline` from parameters_json's answer. Throws
// core::AppError(kInternal) for a value this version cannot read.
void read_parameters(const nlohmann::json& json, insights::TrainedScorer& scorer);

// Holdout figures: {"rows","positives","auc","brier","lift"} (null where there was nothing to
// judge); "lift" is the share of positives found in the top 20% of scores.
nlohmann::json holdout_json(const insights::HoldoutMetrics& m);
insights::HoldoutMetrics read_holdout(const nlohmann::json& json);

}  // namespace rx::insights_api
