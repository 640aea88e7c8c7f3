#include "insights_api/conversion_scores.h"

#include "contacts/contact_types.h"

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
    c.query("DELETE FROM contact_scores WHERE shop_id = ? AND contact_id = ?",
            {shop_id.value(), id.value()});
    return;
  }
  const auto snapshot = ConversionFeatureRepository::snapshot(c, shop_id, id, now_ms);
  if (!snapshot) return;
  store(c, shop_id, {{id, score_contact(current_scorer(c, shop_id), *snapshot)}});
}

namespace {

constexpr ScoreColumns kScores{
    "contact_scores", "contact_id", "score_ppm", "score", "s.status IN ('pending', 'contacted')",
    "contact_records"};

}  // namespace

void ConversionScoreStore::store(storage::Connection& c, core::ShopId shop_id,
                                 const std::vector<std::pair<core::ContactId, ScoredRow>>& scores,
                                 const StoredScores* already) {
  write_scores(c, kScores, shop_id, scores, already);
}

StoredScores ConversionScoreStore::stored(storage::Connection& c, core::ShopId shop_id) {
  return StoredScores::read(c, kScores, shop_id);
}

void ConversionScoreStore::clear_closed(storage::Connection& c, core::ShopId shop_id) {
  // The closed statuses named one by one, so that the closed contacts, a shop's few, are found
  // through (shop_id, status, id) rather than by reading every contact of the shop.
  static const std::string sql = [] {
    std::string closed;
    for (const auto& [status, name] : core::EnumNames<contacts::ContactStatus>::kNames) {
      if (contacts::is_open(status)) continue;
      closed += closed.empty() ? "'" : ", '";
      closed.append(name).append("'");
    }
    return "DELETE FROM contact_scores WHERE shop_id = ? AND contact_id IN (SELECT id FROM "
           "contact_records WHERE shop_id = ? AND status IN (" +
           closed + "))";
  }();
  c.query(sql, {shop_id.value(), shop_id.value()});
}

}  // namespace rx::insights_api
