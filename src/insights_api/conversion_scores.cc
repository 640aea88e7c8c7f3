#include "insights_api/conversion_scores.h"

#include "insights_api/conversion_feature_repository.h"
#include "insights_api/insight_model_repository.h"
#include "insights_api/score_rows_writer.h"

#include <nlohmann/json.hpp>

#include <cmath>

namespace rx::insights_api {

ScoreBand band_of(double p, double shop_rate) {
  if (p >= 1.5 * shop_rate) return ScoreBand::kHigh;
  if (p <= shop_rate * 2 / 3) return ScoreBand::kLow;
  return ScoreBand::kMedium;
}

std::string score_json(const ScoredRow& row) {
  const nlohmann::json json = {{"p", std::round(row.p * 1e4) / 1e4},
                               {"band", std::string(core::enum_name(row.band))},
                               {"model", row.from_model ? "logistic" : "baseline"},
                               {"reasons", row.reasons}};
  return json.dump();
}

insights::TrainedScorer untrained_scorer(int category_count) {
  insights::TrainedScorer scorer;
  scorer.baseline = insights::CategoryRates::fit({}, {}, category_count);
  return scorer;
}

ScoredRow score_features(
    const insights::TrainedScorer& scorer, std::span<const double> x, int category,
    const std::function<std::vector<std::string>(const std::optional<std::vector<double>>&)>&
        reasons) {
  ScoredRow out;
  out.from_model = scorer.kind == insights::ScorerKind::kModel;
  out.p = insights::score(scorer, x, category);
  out.band = band_of(out.p, scorer.baseline.overall());
  std::optional<std::vector<double>> contributions;
  if (out.from_model) contributions = scorer.model.contributions(x);
  out.reasons = reasons(contributions);
  return out;
}

ScoredRow score_contact(const insights::TrainedScorer& scorer,
                        const insights::ContactSnapshot& snapshot) {
  return score_features(scorer, insights::contact_features(snapshot),
                        insights::outcome_category(snapshot.last_outcome),
                        [&](const std::optional<std::vector<double>>& contributions) {
                          return insights::contact_reasons(snapshot, contributions);
                        });
}

insights::TrainedScorer ConversionScoreStore::current_scorer(storage::Connection& c,
                                                             core::ShopId shop_id) {
  if (auto stored = InsightModelRepository::latest(c, shop_id, ModelKind::kConversion))
    return std::move(stored->scorer);
  return untrained_scorer(insights::ContactSnapshot::kOutcomeCount);
}

void ConversionScoreStore::refresh_contact(storage::Connection& c, core::ShopId shop_id,
                                           core::ContactId id, std::int64_t now_ms) {
  const bool open =
      c.query_int(
          "SELECT COUNT(*) FROM contact_records WHERE shop_id = ? AND id = ? AND status "
          "IN ('pending', 'contacted')",
          {shop_id.value(), id.value()}) > 0;
  if (!open) {
    c.query(
        "UPDATE contact_records SET conversion_score_ppm = -1, conversion_score = NULL "
        "WHERE shop_id = ? AND id = ?",
        {shop_id.value(), id.value()});
    return;
  }
  const auto snapshot = ConversionFeatureRepository::snapshot(c, shop_id, id, now_ms);
  if (!snapshot) return;
  store(c, shop_id, {{id, score_contact(current_scorer(c, shop_id), *snapshot)}});
}

void ConversionScoreStore::store(storage::Connection& c, core::ShopId shop_id,
                                 const std::vector<std::pair<core::ContactId, ScoredRow>>& scores) {
  static constexpr ScoreColumns kColumns{"contact_records", "conversion_score_ppm",
                                         "conversion_score", ""};
  write_scores(c, kColumns, shop_id, scores);
}

void ConversionScoreStore::clear_closed(storage::Connection& c, core::ShopId shop_id) {
  c.query(
      "UPDATE contact_records SET conversion_score_ppm = -1, conversion_score = NULL "
      "WHERE shop_id = ? AND status NOT IN ('pending', 'contacted') AND conversion_score_ppm <> -1",
      {shop_id.value()});
}

}  // namespace rx::insights_api
