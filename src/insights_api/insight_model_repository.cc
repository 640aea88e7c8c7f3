#include "insights_api/insight_model_repository.h"

#include "insights_api/scorer_json.h"
#include "storage/table.h"

#include <nlohmann/json.hpp>

#include <string>

namespace rx::insights_api {
namespace {

using insights::BaselineReason;
using insights::ScorerKind;
using storage::column;

// insight_models as read: the JSON columns are parsed after the row is read.
struct ModelRow {
  std::int64_t version = 0;
  std::int64_t trained_at = 0;
  ScorerKind scorer = ScorerKind::kBaseline;
  BaselineReason reason = BaselineReason::kTooFewLabelled;
  std::int64_t rows = 0;
  std::int64_t positives = 0;
  std::string holdout;
  std::string baseline_holdout;
  std::string parameters;
};

constexpr storage::Table kModelRow{column("version", &ModelRow::version),
                                   column("trained_at", &ModelRow::trained_at),
                                   column("scorer", &ModelRow::scorer),
                                   column("reason", &ModelRow::reason),
                                   column("labelled_rows", &ModelRow::rows),
                                   column("positives", &ModelRow::positives),
                                   column("holdout", &ModelRow::holdout),
                                   column("baseline_holdout", &ModelRow::baseline_holdout),
                                   column("parameters", &ModelRow::parameters)};

nlohmann::json parse_stored(const std::string& text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    throw core::AppError(core::ErrorCode::kInternal,
                         "the database holds a model this version cannot read");
  }
  return json;
}

StoredModel stored_from(ModelKind kind, const ModelRow& row) {
  StoredModel out;
  out.kind = kind;
  out.version = row.version;
  out.trained_at = row.trained_at;
  out.scorer.kind = row.scorer;
  out.scorer.reason = row.reason;
  out.scorer.rows = row.rows;
  out.scorer.positives = row.positives;
  out.scorer.model_holdout = read_holdout(parse_stored(row.holdout));
  out.scorer.baseline_holdout = read_holdout(parse_stored(row.baseline_holdout));
  read_parameters(parse_stored(row.parameters), out.scorer);
  return out;
}

}  // namespace

std::optional<StoredModel> InsightModelRepository::latest(storage::Connection& c,
                                                          core::ShopId shop_id, ModelKind kind) {
  static const std::string sql = "SELECT " + kModelRow.select_list() +
                                 " FROM insight_models WHERE shop_id = ? AND kind = ?"
                                 " ORDER BY version DESC LIMIT 1";
  const std::optional<ModelRow> row =
      storage::first_row_as(c, sql, {shop_id.value(), std::string(core::enum_name(kind))},
                            [](const storage::RowView& r) { return kModelRow.read(r); });
  if (!row) return std::nullopt;
  return stored_from(kind, *row);
}

std::int64_t InsightModelRepository::insert(storage::Connection& c, core::ShopId shop_id,
                                            ModelKind kind, const insights::TrainedScorer& scorer,
                                            std::int64_t trained_at) {
  const std::string kind_name(core::enum_name(kind));
  const std::int64_t version = c.query_int(
      "SELECT COALESCE(MAX(version), 0) + 1 FROM insight_models WHERE shop_id = ? AND "
      "kind = ?",
      {shop_id.value(), kind_name});
  c.query(
      "INSERT INTO insight_models (shop_id, kind, version, trained_at, scorer, reason, "
      "labelled_rows, positives, holdout, baseline_holdout, parameters) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {shop_id.value(), kind_name, version, trained_at,
       storage::Codec<ScorerKind>::bind(scorer.kind), std::string(core::enum_name(scorer.reason)),
       scorer.rows, scorer.positives, holdout_json(scorer.model_holdout).dump(),
       holdout_json(scorer.baseline_holdout).dump(), parameters_json(scorer).dump()});
  return version;
}

bool InsightModelRepository::claim_day(storage::Connection& c, core::ShopId shop_id, ModelKind kind,
                                       const std::string& day, std::int64_t now_ms) {
  const storage::ResultSet done = c.query(
      "INSERT INTO insight_training_claims (shop_id, kind, day, claimed_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (shop_id, kind, day) DO NOTHING",
      {shop_id.value(), std::string(core::enum_name(kind)), day, now_ms});
  return done.affected == 1;
}

}  // namespace rx::insights_api
