#include "insights_api/score_rows_writer.h"

#include "storage/codec.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <vector>

namespace rx::insights_api {
namespace {

// "(CAST(? AS BIGINT), CAST(? AS BIGINT), ?), ..." for `rows` (id, ppm, json) triples: named
// column1..column3 by both engines.
std::string values_list(std::size_t rows) {
  std::string sql;
  for (std::size_t i = 0; i < rows; ++i) {
    sql += i ? ", (CAST(? AS BIGINT), CAST(? AS BIGINT), ?)"
             : "(CAST(? AS BIGINT), CAST(? AS BIGINT), ?)";
  }
  return sql;
}

std::string update_statement(const ScoreColumns& w, std::size_t rows) {
  std::string sql = "UPDATE ";
  sql.append(w.table).append(" SET ").append(w.ppm_column).append(" = v.column2, ");
  sql.append(w.json_column).append(" = v.column3 FROM (VALUES ").append(values_list(rows));
  sql.append(") AS v WHERE ").append(w.table).append(".shop_id = ? AND ");
  sql.append(w.table).append(".").append(w.id_column).append(" = v.column1 AND (");
  sql.append(w.table).append(".").append(w.ppm_column).append(" IS NULL OR ");
  sql.append(w.table).append(".").append(w.ppm_column).append(" <> v.column2 OR ");
  sql.append(w.table).append(".").append(w.json_column).append(" IS NULL OR ");
  sql.append(w.table).append(".").append(w.json_column).append(" <> v.column3)");
  if (!w.also.empty()) sql.append(" AND ").append(w.also);
  return sql;
}

// The SELECT has a WHERE clause, as SQLite's upsert needs after a join.
std::string upsert_statement(const ScoreColumns& w, std::size_t rows) {
  std::string sql = "INSERT INTO ";
  sql.append(w.table).append(" (shop_id, ").append(w.id_column).append(", ");
  sql.append(w.ppm_column).append(", ").append(w.json_column);
  sql.append(") SELECT s.shop_id, s.id, v.column2, v.column3 FROM (VALUES ");
  sql.append(values_list(rows)).append(") AS v, ").append(w.scored_table);
  sql.append(" s WHERE s.shop_id = ? AND s.id = v.column1");
  if (!w.also.empty()) sql.append(" AND ").append(w.also);
  sql.append(" ON CONFLICT (shop_id, ").append(w.id_column).append(") DO UPDATE SET ");
  sql.append(w.ppm_column).append(" = excluded.").append(w.ppm_column).append(", ");
  sql.append(w.json_column).append(" = excluded.").append(w.json_column);
  return sql;
}

struct ScoreValue {
  std::int64_t id = 0;
  std::int64_t ppm = 0;
  std::string json;
};

}  // namespace

std::size_t StoredScores::digest(std::string_view json) {
  return std::hash<std::string_view>{}(json);
}

bool StoredScores::holds(std::int64_t id, std::int64_t ppm, std::string_view json) const {
  const auto it = by_id_.find(id);
  return it != by_id_.end() && it->second.first == ppm && it->second.second == digest(json);
}

StoredScores StoredScores::read(storage::Connection& c, const ScoreColumns& w,
                                core::ShopId shop_id) {
  std::string sql = "SELECT ";
  sql.append(w.id_column).append(", ").append(w.ppm_column).append(", ").append(w.json_column);
  sql.append(" FROM ").append(w.table).append(" WHERE shop_id = ?");
  StoredScores out;
  c.for_each_row(sql, {shop_id.value()}, [&](const storage::RowView& r) {
    out.by_id_.emplace(storage::Codec<std::int64_t>::read(r, 0),
                       std::pair(storage::Codec<std::int64_t>::read(r, 1),
                                 digest(storage::Codec<std::string>::read(r, 2))));
  });
  return out;
}

void write_scores(storage::Connection& c, const ScoreColumns& where, core::ShopId shop_id,
                  const std::vector<std::pair<std::int64_t, ScoredRow>>& scores,
                  const StoredScores* already) {
  for (std::size_t first = 0; first < scores.size(); first += kScoreRowsPerStatement) {
    const std::size_t last = std::min(scores.size(), first + kScoreRowsPerStatement);
    std::vector<ScoreValue> values;
    values.reserve(last - first);
    for (std::size_t i = first; i < last; ++i) {
      const auto& [id, row] = scores[i];
      ScoreValue v{id, static_cast<std::int64_t>(std::llround(row.p * 1e6)), score_json(row)};
      if (already && already->holds(v.id, v.ppm, v.json)) continue;
      values.push_back(std::move(v));
    }
    if (values.empty()) continue;
    storage::Params params;
    params.reserve(values.size() * 3 + 1);
    for (ScoreValue& v : values) {
      params.emplace_back(v.id);
      params.emplace_back(v.ppm);
      params.emplace_back(std::move(v.json));
    }
    params.emplace_back(shop_id.value());
    c.query(where.scored_table.empty() ? update_statement(where, values.size())
                                       : upsert_statement(where, values.size()),
            params);
  }
}

}  // namespace rx::insights_api
