#include "insights_api/lapse_scores.h"

#include "insights_api/insight_model_repository.h"
#include "insights_api/score_rows_writer.h"

#include <cmath>

namespace rx::insights_api {

ScoredRow score_reminder(const insights::TrainedScorer& scorer,
                         const insights::RefillSnapshot& snapshot) {
  return score_features(scorer, insights::refill_features(snapshot),
                        insights::history_category(snapshot.history),
                        [&](const std::optional<std::vector<double>>& contributions) {
                          return insights::refill_reasons(snapshot, contributions);
                        });
}

insights::TrainedScorer LapseRiskStore::current_scorer(storage::Connection& c,
                                                       core::ShopId shop_id) {
  if (auto stored = InsightModelRepository::latest(c, shop_id, ModelKind::kLapse))
    return std::move(stored->scorer);
  return untrained_scorer(insights::RefillSnapshot::kHistoryCount);
}

void LapseRiskStore::store(storage::Connection& c, core::ShopId shop_id,
                           const std::vector<std::pair<core::RefillReminderId, ScoredRow>>& risks) {
  static constexpr ScoreColumns kColumns{"refill_reminders", "id", "lapse_risk_ppm", "lapse_risk",
                                         "refill_reminders.status IN ('pending', 'sent')"};
  write_scores(c, kColumns, shop_id, risks);
}

void LapseRiskStore::clear_closed(storage::Connection& c, core::ShopId shop_id) {
  c.query(
      "UPDATE refill_reminders SET lapse_risk_ppm = NULL, lapse_risk = NULL "
      "WHERE shop_id = ? AND status NOT IN ('pending', 'sent') AND lapse_risk_ppm IS NOT NULL",
      {shop_id.value()});
}

}  // namespace rx::insights_api
