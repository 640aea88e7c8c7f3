#pragma once

#include "core/enum_names.h"
#include "core/strong_id.h"
#include "insights/contact_features.h"
#include "insights/scorer_training.h"
#include "storage/database.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace rx::insights_api {

// A probability as people read it, against the shop's own rate: "high" at 1.5 times the rate
// the baseline gives an average row or more, "low" at two thirds of it or less.
enum class ScoreBand { kHigh, kMedium, kLow };

struct ScoredRow {
  double p = 0;
  ScoreBand band = ScoreBand::kMedium;
  bool from_model = false;           // "logistic"; else "baseline"
  std::vector<std::string> reasons;  // two or three, in words
};

ScoreBand band_of(double p, double shop_rate);
// {"p","band","model","reasons"}, as contacts and refill reminders show it.
std::string score_json(const ScoredRow& row);

// The scorer a shop that was never trained uses: the baseline fitted on nothing (every
// contact at the even rate), reason too_few_labelled.
insights::TrainedScorer untrained_scorer(int category_count);

// Scores one row's features `x` of baseline category `category` with a shop's scorer, banded
// against the shop's rate; `reasons` receives the features' contributions to the model's
// log-odds (none when the baseline scores) and answers the reasons in words.
ScoredRow score_features(
    const insights::TrainedScorer& scorer, std::span<const double> x, int category,
    const std::function<std::vector<std::string>(const std::optional<std::vector<double>>&)>&
        reasons);

// Scores one contact's snapshot with a shop's scorer, with its reasons.
ScoredRow score_contact(const insights::TrainedScorer& scorer,
                        const insights::ContactSnapshot& snapshot);

// The open contacts' conversion scores, one row a scored contact in contact_scores. Every
// statement is scoped by the shop. Throws the driver's failures (storage/driver_error.h).
class StoredScores;  // insights_api/score_rows_writer.h

class ConversionScoreStore {
 public:
  // Scores the contact as of `now_ms` with the shop's newest conversion scorer and stores the
  // score; a contact that is no longer open loses its score. Runs inside the
  // caller's transaction (the one that logs an interaction), so the score is never stale.
  static void refresh_contact(storage::Connection& c, core::ShopId shop_id, core::ContactId id,
                              std::int64_t now_ms);
  // The shop's newest conversion scorer, or untrained_scorer() when it has none.
  static insights::TrainedScorer current_scorer(storage::Connection& c, core::ShopId shop_id);
  // Stores the scores of these contacts, those of them that are still open; those `already`
  // holds as they are (see stored) are not written again.
  static void store(storage::Connection& c, core::ShopId shop_id,
                    const std::vector<std::pair<core::ContactId, ScoredRow>>& scores,
                    const StoredScores* already = nullptr);
  // The shop's stored scores, read before a training rescores every open contact.
  static StoredScores stored(storage::Connection& c, core::ShopId shop_id);
  // Deletes the score of every contact that is no longer open.
  static void clear_closed(storage::Connection& c, core::ShopId shop_id);
};

}  // namespace rx::insights_api

template <>
struct rx::core::EnumNames<rx::insights_api::ScoreBand> {
  using E = rx::insights_api::ScoreBand;
  static constexpr auto kNames =
      spellings<E>(E::kHigh, "high", E::kMedium, "medium", E::kLow, "low");
};
