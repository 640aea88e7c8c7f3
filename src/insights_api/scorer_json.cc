#include "insights_api/scorer_json.h"

#include "core/error.h"

#include <optional>
#include <vector>

namespace rx::insights_api {
namespace {

nlohmann::json optional_number(const std::optional<double>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

std::optional<double> read_optional(const nlohmann::json& json, const char* key) {
  const auto it = json.find(key);
  if (it == json.end() || it->is_null()) return std::nullopt;
  return it->get<double>();
}

}  // namespace

nlohmann::json parameters_json(const insights::TrainedScorer& scorer) {
  std::vector<std::int64_t> rows;
  for (std::size_t c = 0; c < scorer.baseline.rates().size(); ++c)
    rows.push_back(scorer.baseline.rows(static_cast<int>(c)));
  return {{"model",
           {{"weights", scorer.model.weights},
            {"intercept", scorer.model.intercept},
            {"mean", scorer.model.mean},
            {"scale", scorer.model.scale}}},
          {"baseline",
           {{"rates", scorer.baseline.rates()},
            {"rows", rows},
            {"overall", scorer.baseline.overall()}}}};
}

void read_parameters(const nlohmann::json& json, insights::TrainedScorer& scorer) {
  try {
    const nlohmann::json& m = json.at("model");
    scorer.model.weights = m.at("weights").get<std::vector<double>>();
    scorer.model.intercept = m.at("intercept").get<double>();
    scorer.model.mean = m.at("mean").get<std::vector<double>>();
    scorer.model.scale = m.at("scale").get<std::vector<double>>();
    const nlohmann::json& b = json.at("baseline");
    scorer.baseline = insights::CategoryRates::restore(
        b.at("rates").get<std::vector<double>>(), b.at("rows").get<std::vector<std::int64_t>>(),
        b.at("overall").get<double>());
  } catch (const std::exception&) {
    throw core::AppError(core::ErrorCode::kInternal,
                         "the database holds a model this version cannot read");
  }
}

nlohmann::json holdout_json(const insights::HoldoutMetrics& m) {
  return {{"rows", m.rows},
          {"positives", m.positives},
          {"auc", optional_number(m.auc)},
          {"brier", optional_number(m.brier)},
          {"lift", optional_number(m.share_top20)}};
}

insights::HoldoutMetrics read_holdout(const nlohmann::json& json) {
  insights::HoldoutMetrics m;
  m.rows = json.value("rows", std::int64_t{0});
  m.positives = json.value("positives", std::int64_t{0});
  m.auc = read_optional(json, "auc");
  m.brier = read_optional(json, "brier");
  m.share_top20 = read_optional(json, "lift");
  return m;
}

}  // namespace rx::insights_api
