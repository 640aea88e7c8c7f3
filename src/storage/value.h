#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace rx::storage {

// A value bound to a statement or read from a result. Booleans travel as integers 0/1 so that
// both engines read the same (SQLite has no boolean type; PostgreSQL's is converted on read).
class Value {
 public:
  Value() = default;
  Value(std::nullopt_t) {}
  Value(bool v) : v_(static_cast<std::int64_t>(v ? 1 : 0)) {}
  Value(int v) : v_(static_cast<std::int64_t>(v)) {}
  Value(long v) : v_(static_cast<std::int64_t>(v)) {}
  Value(long long v) : v_(static_cast<std::int64_t>(v)) {}
  Value(double v) : v_(v) {}
  Value(std::string v) : v_(std::move(v)) {}
  Value(std::string_view v) : v_(std::string(v)) {}
  Value(const char* v) : v_(std::string(v)) {}
  template <typename T>
  Value(const std::optional<T>& v) {
    if (v) *this = Value(*v);
  }

  bool is_null() const { return std::holds_alternative<std::monostate>(v_); }
  bool is_int() const { return std::holds_alternative<std::int64_t>(v_); }
  bool is_real() const { return std::holds_alternative<double>(v_); }
  bool is_text() const { return std::holds_alternative<std::string>(v_); }

  std::int64_t as_int() const;  // 0 for NULL; parses text
  double as_real() const;       // 0 for NULL
  std::string as_text() const;  // "" for NULL; formats numbers
  bool as_bool() const { return as_int() != 0; }
  std::optional<std::int64_t> as_opt_int() const;
  std::optional<std::string> as_opt_text() const;

  const std::string& text_ref() const { return std::get<std::string>(v_); }

 private:
  std::variant<std::monostate, std::int64_t, double, std::string> v_;
};

}  // namespace rx::storage
