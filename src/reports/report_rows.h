#pragma once

#include "storage/database.h"
#include "storage/table.h"

#include <optional>
#include <string_view>
#include <vector>

// Reading a report query's rows as records, through the query's storage::Table description: the
// description's column order is the SELECT list's, so a row is never read by a hand-kept index.
namespace rx::reports {

// Every row of `sql`, read in place (RowView) as `table` describes it. Throws AppError as the
// connection does (kUnavailable when the database is unreachable, kInternal otherwise), and
// kInternal for a stored value the program does not know.
template <class Record, class... Ts>
std::vector<Record> read_rows(storage::Connection& c, const storage::Table<Record, Ts...>& table,
                              std::string_view sql, const storage::Params& params) {
  return storage::rows_as(c, sql, params,
                          [&table](const storage::RowView& row) { return table.read(row); });
}

// The first row of `sql`, if any, read as `table` describes it. Throws as read_rows.
template <class Record, class... Ts>
std::optional<Record> read_first(storage::Connection& c, const storage::Table<Record, Ts...>& table,
                                 std::string_view sql, const storage::Params& params) {
  return storage::first_row_as(c, sql, params,
                               [&table](const storage::RowView& row) { return table.read(row); });
}

}  // namespace rx::reports
