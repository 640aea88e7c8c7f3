#pragma once

#include "core/strong_id.h"
#include "insights_api/conversion_scores.h"
#include "storage/database.h"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace rx::insights_api {

// Where a kind of score is kept: the table, its two score columns (millionths, and the JSON the
// API shows) and a condition every written row must also meet ("" for none).
struct ScoreColumns {
  std::string_view table;
  std::string_view ppm_column;
  std::string_view json_column;
  std::string_view also;
};

// Writes each score to the shop's row with its id, kScoreRowsPerStatement rows to an
// `UPDATE ... FROM (VALUES ...)` (both engines): a training rescoring 100,000 rows makes a few
// hundred round trips to PostgreSQL instead of 100,000. A row whose stored score is already
// this one is not written. Throws the driver's failures (storage/driver_error.h).
void write_scores(storage::Connection& c, const ScoreColumns& where, core::ShopId shop_id,
                  const std::vector<std::pair<std::int64_t, ScoredRow>>& scores);

// The same for rows named by a strong id (ContactId, RefillReminderId, ...).
template <typename Id>
void write_scores(storage::Connection& c, const ScoreColumns& where, core::ShopId shop_id,
                  const std::vector<std::pair<Id, ScoredRow>>& scores) {
  std::vector<std::pair<std::int64_t, ScoredRow>> rows;
  rows.reserve(scores.size());
  for (const auto& [id, row] : scores) rows.emplace_back(id.value(), row);
  write_scores(c, where, shop_id, rows);
}

inline constexpr std::size_t kScoreRowsPerStatement = 500;

}  // namespace rx::insights_api
