#pragma once

#include "core/strong_id.h"
#include "insights/refill_features.h"
#include "insights/scorer_training.h"
#include "insights_api/conversion_scores.h"
#include "storage/database.h"

#include <utility>
#include <vector>

namespace rx::insights_api {

// Scores one reminder's snapshot with a shop's lapse scorer, with its reasons; the band is
// against the shop's lapse rate.
ScoredRow score_reminder(const insights::TrainedScorer& scorer,
                         const insights::RefillSnapshot& snapshot);

// The lapse risks kept on refill reminder rows (refill_reminders.lapse_risk*). Closing a
// reminder clears its risk in refills::RefillRepository. Every statement is scoped by the shop.
// Throws the driver's failures (storage/driver_error.h).
class LapseRiskStore {
 public:
  // The shop's newest lapse scorer, or untrained_scorer() when it has none.
  static insights::TrainedScorer current_scorer(storage::Connection& c, core::ShopId shop_id);
  // Stores the risks of these reminders, each only while it is still open (pending or sent).
  static void store(storage::Connection& c, core::ShopId shop_id,
                    const std::vector<std::pair<core::RefillReminderId, ScoredRow>>& risks);
  // Clears the risk of every reminder that is no longer pending or sent.
  static void clear_closed(storage::Connection& c, core::ShopId shop_id);
};

}  // namespace rx::insights_api
