#include "insights_api/score_rows_writer.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace rx::insights_api {
namespace {

std::string update_statement(const ScoreColumns& w, std::size_t rows) {
  std::string sql = "UPDATE ";
  sql.append(w.table).append(" SET ").append(w.ppm_column).append(" = v.column2, ");
  sql.append(w.json_column).append(" = v.column3 FROM (VALUES ");
  for (std::size_t i = 0; i < rows; ++i) {
    sql += i ? ", (CAST(? AS BIGINT), CAST(? AS BIGINT), ?)"
             : "(CAST(? AS BIGINT), CAST(? AS BIGINT), ?)";
  }
  sql.append(") AS v WHERE ").append(w.table).append(".shop_id = ? AND ");
  sql.append(w.table).append(".id = v.column1 AND (").append(w.table).append(".");
  sql.append(w.ppm_column).append(" IS NULL OR ").append(w.table).append(".");
  sql.append(w.ppm_column).append(" <> v.column2 OR ").append(w.table).append(".");
  sql.append(w.json_column).append(" IS NULL OR ").append(w.table).append(".");
  sql.append(w.json_column).append(" <> v.column3)");
  if (!w.also.empty()) sql.append(" AND ").append(w.also);
  return sql;
}

}  // namespace

void write_scores(storage::Connection& c, const ScoreColumns& where, core::ShopId shop_id,
                  const std::vector<std::pair<std::int64_t, ScoredRow>>& scores) {
  for (std::size_t first = 0; first < scores.size(); first += kScoreRowsPerStatement) {
    const std::size_t rows = std::min(kScoreRowsPerStatement, scores.size() - first);
    storage::Params params;
    params.reserve(rows * 3 + 1);
    for (std::size_t i = first; i < first + rows; ++i) {
      const auto& [id, row] = scores[i];
      params.emplace_back(id);
      params.emplace_back(static_cast<std::int64_t>(std::llround(row.p * 1e6)));
      params.emplace_back(score_json(row));
    }
    params.emplace_back(shop_id.value());
    c.query(update_statement(where, rows), params);
  }
}

}  // namespace rx::insights_api
