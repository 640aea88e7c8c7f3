#pragma once

#include "storage/codec.h"
#include "storage/database.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

namespace rx::storage {

// One column of a table: its name in SQL and the member of the record it fills. The member's
// type chooses the codec (storage/codec.h).
template <class Record, class T>
struct Column {
  std::string_view name;
  T Record::*member;
};

template <class Record, class T>
constexpr Column<Record, T> column(std::string_view name, T Record::*member) {
  return {name, member};
}

// The one description of how a record is stored: from it come the SELECT list, the row reader
// and the INSERT/UPDATE parameters, so a column added or moved changes one line and the
// positions cannot drift apart. Declare it `constexpr` in the repository: the members and
// codecs are then known at compile time and reading a row costs what the hand-written
// `r.int_at(0)`, `r.text_at(1)` ... did (tests/unit/table_test.cc; callgrind in
// docs/performance.md).
//
// A table whose key is generated is described in two parts, the key and the stored fields, so
// that an INSERT binds the fields alone and a SELECT reads the key, then the fields from
// position `Key::size()`.
template <class Record, class... Ts>
class Table {
 public:
  constexpr explicit Table(Column<Record, Ts>... columns) : columns_(columns...) {}

  static constexpr std::size_t size() { return sizeof...(Ts); }

  // "a, b, c", each name after `prefix` (a table alias such as "cr.").
  std::string select_list(std::string_view prefix = {}) const {
    std::string out;
    std::apply(
        [&](const auto&... each) {
          ((out.append(out.empty() ? "" : ", ").append(prefix).append(each.name)), ...);
        },
        columns_);
    return out;
  }

  // "?, ?, ?": one placeholder a column, for INSERT ... VALUES (...).
  static std::string placeholders() {
    std::string out;
    for (std::size_t i = 0; i < size(); ++i) out += i ? ", ?" : "?";
    return out;
  }

  // "a = ?, b = ?": the SET list of an UPDATE of every column, bound by bind().
  std::string assignments() const {
    std::string out;
    std::apply(
        [&](const auto&... each) {
          ((out.append(out.empty() ? "" : ", ").append(each.name).append(" = ?")), ...);
        },
        columns_);
    return out;
  }

  // Fills the described members of `record` from the row's columns `first`, `first + 1`, ...
  void read_into(Record& record, const RowView& row, std::size_t first = 0) const {
    read_each(record, row, first, std::index_sequence_for<Ts...>{});
  }

  Record read(const RowView& row, std::size_t first = 0) const {
    Record record{};
    read_into(record, row, first);
    return record;
  }

  // Appends the described members of `record`, in column order, to `out`.
  void bind(const Record& record, Params& out) const {
    std::apply([&](const auto&... each) { (out.push_back(bind_one(record, each)), ...); },
               columns_);
  }

  Params params(const Record& record) const {
    Params out;
    out.reserve(size());
    bind(record, out);
    return out;
  }

 private:
  template <class T>
  static Value bind_one(const Record& record, const Column<Record, T>& each) {
    return Codec<T>::bind(record.*(each.member));
  }

  template <std::size_t... I>
  void read_each(Record& record, const RowView& row, std::size_t first,
                 std::index_sequence<I...>) const {
    ((record.*(std::get<I>(columns_).member) =
          Codec<std::tuple_element_t<I, std::tuple<Ts...>>>::read(row, first + I)),
     ...);
  }

  std::tuple<Column<Record, Ts>...> columns_;
};

template <class Record, class... Ts>
Table(Column<Record, Ts>...) -> Table<Record, Ts...>;

}  // namespace rx::storage
