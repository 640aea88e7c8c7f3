#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::core {

enum class Presence { kRequired, kOptional };

// Reads typed fields from a JSON request object, collecting every problem so that one 422 names
// all the wrong fields at once: {"error":{"code":"validation_failed","details":{"fields":{...}}}}.
class FieldReader {
 public:
  explicit FieldReader(const nlohmann::json& body);

  bool has(std::string_view name) const;
  // Trimmed text; empty text counts as missing for required fields.
  std::optional<std::string> text(std::string_view name, Presence presence,
                                  std::size_t max_length = 500);
  std::optional<std::int64_t> integer(std::string_view name, Presence presence, std::int64_t min,
                                      std::int64_t max);
  std::optional<bool> boolean(std::string_view name, Presence presence);
  const nlohmann::json* raw(std::string_view name) const;

  void fail(std::string_view name, std::string reason);
  // Takes the problems of a reader of a nested object, named "<prefix>.<field>".
  void absorb(const FieldReader& nested, std::string_view prefix);
  bool ok() const { return errors_.empty(); }
  // Throws AppError(kValidation) naming every failed field.
  void finish() const;

 private:
  const nlohmann::json& body_;
  nlohmann::json errors_ = nlohmann::json::object();
};

std::string trim(std::string_view text);
std::string to_lower(std::string_view text);
// Trimmed, inner runs of white space folded to one space, lower-cased: how medicines and
// conditions are matched however they were typed.
std::string folded_key(std::string_view text);

}  // namespace rx::core
