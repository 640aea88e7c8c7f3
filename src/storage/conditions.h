#pragma once

#include "storage/database.h"

#include <string>
#include <string_view>

namespace rx::storage {

// Builds a WHERE clause from optional filters, keeping the SQL text and its parameters in step.
// Only fixed SQL fragments go into the text; every value travels as a bound parameter (a few
// fixed fragments name a value, such as one status: see ContactRepository::list).
class Conditions {
 public:
  Conditions& add(std::string_view fragment, Params params = {}) {
    sql_ += sql_.empty() ? " WHERE " : " AND ";
    sql_ += fragment;
    for (auto& p : params) params_.push_back(std::move(p));
    return *this;
  }
  const std::string& sql() const { return sql_; }
  const Params& params() const { return params_; }
  // The parameters followed by more (LIMIT, OFFSET...).
  Params params_with(Params more) const {
    Params all = params_;
    for (auto& p : more) all.push_back(std::move(p));
    return all;
  }

 private:
  std::string sql_;
  Params params_;
};

// Escapes LIKE wildcards so user text matches literally (use with ESCAPE '\').
std::string like_pattern_containing(std::string_view text);

// A search box that takes either digits of a phone or part of a name: text of only digits and
// phone punctuation (space + - ( )) matches the phone column, anything else the name, ignoring
// case.
void add_phone_or_name_search(Conditions& where, std::string_view query,
                              std::string_view phone_column, std::string_view name_column);

}  // namespace rx::storage

namespace rx::storage {

// Builds "SET a = ?, b = ?" (or an INSERT's column and value lists) from the fields a request
// actually sets.
class Assignments {
 public:
  void set(std::string_view column, Value value) {
    sql_ += sql_.empty() ? "" : ", ";
    sql_ += column;
    sql_ += " = ?";
    columns_ += columns_.empty() ? "" : ", ";
    columns_ += column;
    marks_ += marks_.empty() ? "?" : ", ?";
    params_.push_back(std::move(value));
  }
  // "(a, b) VALUES (?, ?)"
  std::string insert_sql() const { return "(" + columns_ + ") VALUES (" + marks_ + ")"; }
  template <typename T>
  void set_if(std::string_view column, const std::optional<T>& change) {
    if (change) set(column, Value(*change));
  }
  bool empty() const { return sql_.empty(); }
  const std::string& sql() const { return sql_; }
  Params params_with(Params more) const {
    Params all = params_;
    for (auto& p : more) all.push_back(std::move(p));
    return all;
  }

 private:
  std::string sql_;
  std::string columns_;
  std::string marks_;
  Params params_;
};

}  // namespace rx::storage
