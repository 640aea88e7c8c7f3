#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace rx::core {

// Writes JSON text straight into a string, for the few answers that are asked for thousands of
// times a second (lists of contacts, customers, reminders): building an nlohmann::json tree
// first costs a map node and a string per field. Elsewhere nlohmann::json stays the tool.
// Strings are escaped as JSON requires; bytes that are not UTF-8 become U+FFFD.
class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // Text that is already JSON (e.g. a stored JSON object).
  JsonWriter& raw(std::string_view json);

  JsonWriter& string(const std::string& text) { return string(std::string_view(text)); }
  JsonWriter& string(const char* text) { return string(std::string_view(text)); }
  JsonWriter& string(const std::optional<std::string>& text) {
    return text ? string(*text) : null();
  }
  JsonWriter& number(const std::optional<std::int64_t>& value) {
    return value ? number(*value) : null();
  }

  // key(name) followed by the value.
  template <typename T>
  JsonWriter& field(std::string_view name, const T& value) {
    key(name);
    if constexpr (std::is_same_v<T, bool>) {
      return boolean(value);
    } else if constexpr (std::is_integral_v<T>) {
      return number(static_cast<std::int64_t>(value));
    } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
      return number(value);
    } else {
      return string(value);
    }
  }

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void before_value();

  std::string out_;
  // Per open container: whether a value has been written in it yet.
  std::vector<bool> has_value_;
  bool after_key_ = false;
};

}  // namespace rx::core
