#include "storage/value.h"

#include <fmt/format.h>
#include <charconv>
#include <cstdlib>

namespace rx::storage {

std::int64_t Value::as_int() const {
  if (auto* i = std::get_if<std::int64_t>(&v_)) return *i;
  if (auto* d = std::get_if<double>(&v_)) return static_cast<std::int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v_)) {
    std::int64_t out = 0;
    if (*s == "t" || *s == "true") return 1;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Value::as_real() const {
  if (auto* d = std::get_if<double>(&v_)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&v_)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v_)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Value::as_text() const {
  if (auto* s = std::get_if<std::string>(&v_)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&v_)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&v_)) return fmt::format("{}", *d);
  return {};
}

std::optional<std::int64_t> Value::as_opt_int() const {
  if (is_null()) return std::nullopt;
  return as_int();
}

std::optional<std::string> Value::as_opt_text() const {
  if (is_null()) return std::nullopt;
  return as_text();
}

}  // namespace rx::storage
