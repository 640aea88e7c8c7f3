#pragma once

#include "core/enum_names.h"
#include "core/strong_id.h"
#include "insights/scorer_training.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rx::insights_api {

// What a shop's scorer predicts: whether an open contact converts within 30 days, or whether a
// customer does not buy a medicine again within 7 days of running out.
enum class ModelKind { kConversion, kLapse };

// One training of a shop's scorer, as stored: the trained scorer (its parameters and holdout
// figures), its version (1, 2, ... for each shop and kind) and when it was trained.
struct StoredModel {
  ModelKind kind = ModelKind::kConversion;
  std::int64_t version = 0;
  std::int64_t trained_at = 0;
  insights::TrainedScorer scorer;
};

// insight_models, every statement scoped by the shop. Throws the driver's failures
// (storage/driver_error.h); a stored row this version cannot read throws kInternal.
class InsightModelRepository {
 public:
  // The newest version of the shop's scorer of `kind`, if it was ever trained.
  static std::optional<StoredModel> latest(storage::Connection& c, core::ShopId shop_id,
                                           ModelKind kind);
  // Stores `scorer` as the next version and returns that version. Two trainings storing at once
  // make the second fail on the unique (shop, kind, version) key: kConflict.
  static std::int64_t insert(storage::Connection& c, core::ShopId shop_id, ModelKind kind,
                             const insights::TrainedScorer& scorer, std::int64_t trained_at);
  // Claims the shop's nightly training of `kind` for `day` (YYYY-MM-DD): true for the one caller
  // that inserts the claim, false for every other, on any server.
  static bool claim_day(storage::Connection& c, core::ShopId shop_id, ModelKind kind,
                        const std::string& day, std::int64_t now_ms);
};

}  // namespace rx::insights_api

template <>
struct rx::core::EnumNames<rx::insights_api::ModelKind> {
  using E = rx::insights_api::ModelKind;
  static constexpr auto kNames = spellings<E>(E::kConversion, "conversion", E::kLapse, "lapse");
};
