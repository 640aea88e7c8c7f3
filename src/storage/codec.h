#pragma once

#include "core/enum_names.h"
#include "core/error.h"
#include "core/strong_id.h"
#include "storage/database.h"
#include "storage/value.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace rx::storage {

// How a member of a record crosses the database edge: `read` takes column `i` of a row where the
// engine holds it, `bind` makes the statement parameter. Chosen by the member's type, so a
// record's description names no codec unless a column is stored unlike its type. A type with no
// codec fails to compile; it cannot fall back to a guess.
template <class T>
struct Codec;

template <>
struct Codec<std::int64_t> {
  static std::int64_t read(const RowView& row, std::size_t i) { return row.int_at(i); }
  static Value bind(std::int64_t v) { return Value(static_cast<long long>(v)); }
};

template <>
struct Codec<int> {
  static int read(const RowView& row, std::size_t i) { return static_cast<int>(row.int_at(i)); }
  static Value bind(int v) { return Value(v); }
};

// Booleans are 0/1 on both engines (see Value).
template <>
struct Codec<bool> {
  static bool read(const RowView& row, std::size_t i) { return row.int_at(i) != 0; }
  static Value bind(bool v) { return Value(v); }
};

template <>
struct Codec<std::string> {
  static std::string read(const RowView& row, std::size_t i) { return std::string(row.text_at(i)); }
  static Value bind(const std::string& v) { return Value(v); }
};

template <class Tag>
struct Codec<core::Id<Tag>> {
  static core::Id<Tag> read(const RowView& row, std::size_t i) {
    return core::Id<Tag>(row.int_at(i));
  }
  static Value bind(core::Id<Tag> v) { return Value(static_cast<long long>(v.value())); }
};

// A domain enum is stored as its name (core::EnumNames). A name the program does not know means
// the database was written by a newer rxtrack or by hand: a reader must not guess what it meant.
template <core::NamedEnum E>
struct Codec<E> {
  static E read(const RowView& row, std::size_t i) {
    const std::string_view text = row.text_at(i);
    if (auto value = core::enum_from_name<E>(text)) return *value;
    throw core::AppError(core::ErrorCode::kInternal,
                         "the database holds a value this version does not know",
                         {{"value", std::string(text)}});
  }
  static Value bind(E v) { return Value(core::enum_name(v)); }
};

// A short list kept in one column as a JSON array ("[-5,-1,3]", ["2026-12-20","2026-12-24"]):
// NULL and [] read as empty. Anything else is a value this version does not know.
template <class T>
requires std::is_same_v<T, int> || std::is_same_v<T, std::string>
struct Codec<std::vector<T>> {
  static std::vector<T> read(const RowView& row, std::size_t i) {
    std::vector<T> out;
    if (row.is_null(i)) return out;
    const nlohmann::json list = nlohmann::json::parse(row.text_at(i), nullptr, false);
    const bool ok = list.is_array() && std::all_of(list.begin(), list.end(), [](const auto& each) {
                      return std::is_same_v<T, int> ? each.is_number_integer() : each.is_string();
                    });
    if (!ok) {
      throw core::AppError(core::ErrorCode::kInternal,
                           "the database holds a list this version does not know");
    }
    for (const nlohmann::json& each : list) out.push_back(each.template get<T>());
    return out;
  }
  static Value bind(const std::vector<T>& v) { return Value(nlohmann::json(v).dump()); }
};

// NULL is nullopt; anything else is read as T.
template <class T>
struct Codec<std::optional<T>> {
  static std::optional<T> read(const RowView& row, std::size_t i) {
    if (row.is_null(i)) return std::nullopt;
    return Codec<T>::read(row, i);
  }
  static Value bind(const std::optional<T>& v) {
    if (!v) return Value();
    return Codec<T>::bind(*v);
  }
};

}  // namespace rx::storage
