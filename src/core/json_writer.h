#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace rx::core {

// A key written in the source as a string literal, checked when compiling to need no escaping,
// so that writing it is one copy. Names that come from data go through JsonWriter::key_text.
class JsonKey {
 public:
  static constexpr std::size_t kMaxLength = 64;

  template <std::size_t N>
  consteval JsonKey(const char (&name)[N]) : name_(name, N - 1) {  // NOLINT: implicit on purpose
    static_assert(N - 1 <= kMaxLength, "a JsonKey literal is at most kMaxLength characters");
    for (const char ch : name_) {
      if (ch < 0x20 || ch == '"' || ch == '\\' || static_cast<unsigned char>(ch) >= 0x80) {
        throw "a JsonKey literal must be plain ASCII without quotes or backslashes";
      }
    }
  }
  std::string_view text() const { return name_; }

 private:
  std::string_view name_;
};

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
  JsonWriter& key(JsonKey name);
  // A key whose text comes from data (escaped as a string).
  JsonWriter& key_text(std::string_view name);

  JsonWriter& string(std::string_view text);
  JsonWriter& number(std::int64_t value);
  JsonWriter& boolean(bool value);
  JsonWriter& null();
  // A string known to need no escaping (ASCII without quotes, backslashes or control
  // characters, such as a formatted instant); only quoted.
  JsonWriter& raw_string(std::string_view text);
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
  JsonWriter& field(JsonKey name, const T& value) {
    key(name);
    if constexpr (std::is_same_v<T, bool>) {
      return boolean(value);
    } else if constexpr (std::is_integral_v<T>) {
      return number(static_cast<std::int64_t>(value));
    } else if constexpr (std::is_same_v<T, std::optional<std::int64_t>>) {
      return number(value);
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      begin_array();
      for (const std::string& text : value) string(text);
      return end_array();
    } else {
      return string(value);
    }
  }

  // Room for the expected size up front (a list answer grows to tens of kilobytes).
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

  const std::string& text() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  // Whether a comma goes before the next value or key; marks the container as holding one.
  // Defined here, as before_value() is, so that every writer inlines them: they run for each key
  // and value.
  bool take_separator() {
    if (after_key_) {
      after_key_ = false;
      return false;
    }
    if (has_value_.empty()) return false;
    const bool comma = has_value_.back() != 0;
    has_value_.back() = 1;
    return comma;
  }
  void before_value() {
    if (take_separator()) out_ += ',';
  }

  std::string out_;
  // Per open container: whether a value has been written in it yet.
  std::vector<std::uint8_t> has_value_;
  bool after_key_ = false;
};

}  // namespace rx::core
