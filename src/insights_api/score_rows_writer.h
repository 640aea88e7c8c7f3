#pragma once

#include "core/strong_id.h"
#include "insights_api/conversion_scores.h"
#include "storage/database.h"

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rx::insights_api {

// Where a kind of score is kept. Either on the scored rows themselves (`scored_table` empty):
// `table`'s rows of the shop with the ids are updated, those meeting `also`; or in a table of its
// own, one row a scored row (`scored_table` names the scored rows): a row is inserted for each
// scored row of the shop that exists and meets `also` (written on alias `s`), or updated.
struct ScoreColumns {
  std::string_view table;
  std::string_view id_column;  // the scored row's id in `table`
  std::string_view ppm_column;
  std::string_view json_column;
  std::string_view also;  // "" for none
  std::string_view scored_table = {};
};

// The scores a table of scores of its own holds for a shop, read once before a training
// rescores it, so that write_scores leaves out those it would write unchanged: PostgreSQL locks,
// and so writes, every row an ON CONFLICT DO UPDATE meets, even one its WHERE would leave alone.
// (Scores kept on the scored rows need none: their UPDATE leaves unchanged rows out itself.) Each
// JSON is kept as a digest: a shop's 100,000 scores take a few megabytes.
class StoredScores {
 public:
  static StoredScores read(storage::Connection& c, const ScoreColumns& where, core::ShopId shop_id);
  bool holds(std::int64_t id, std::int64_t ppm, std::string_view json) const;

 private:
  static std::size_t digest(std::string_view json);
  std::unordered_map<std::int64_t, std::pair<std::int64_t, std::size_t>> by_id_;
};

// Writes each score of the shop, kScoreRowsPerStatement rows to a statement (`UPDATE ... FROM
// (VALUES ...)`, or `INSERT ... SELECT ... FROM (VALUES ...) ... ON CONFLICT DO UPDATE`, on both
// engines): a training rescoring 100,000 rows makes a few hundred round trips to PostgreSQL
// instead of 100,000. A score already stored as it is is not written again. Throws the driver's
// failures (storage/driver_error.h).
// `already`: scores not to write again (StoredScores), or null to compare in the statement.
void write_scores(storage::Connection& c, const ScoreColumns& where, core::ShopId shop_id,
                  const std::vector<std::pair<std::int64_t, ScoredRow>>& scores,
                  const StoredScores* already = nullptr);

// The same for rows named by a strong id (ContactId, RefillReminderId, ...).
template <typename Id>
void write_scores(storage::Connection& c, const ScoreColumns& where, core::ShopId shop_id,
                  const std::vector<std::pair<Id, ScoredRow>>& scores,
                  const StoredScores* already = nullptr) {
  std::vector<std::pair<std::int64_t, ScoredRow>> rows;
  rows.reserve(scores.size());
  for (const auto& [id, row] : scores) rows.emplace_back(id.value(), row);
  write_scores(c, where, shop_id, rows, already);
}

inline constexpr std::size_t kScoreRowsPerStatement = 500;

}  // namespace rx::insights_api
