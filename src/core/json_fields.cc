#include "core/json_fields.h"

#include "core/error.h"

#include <algorithm>
#include <cctype>

namespace rx::core {

std::string trim(std::string_view text) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && is_space(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && is_space(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return std::string(text);
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string folded_key(std::string_view text) {
  std::string out;
  bool space = false;
  for (char ch : text) {
    if (std::isspace(static_cast<unsigned char>(ch))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

FieldReader::FieldReader(const nlohmann::json& body) : body_(body) {
  if (!body_.is_object()) {
    throw AppError(ErrorCode::kValidation, "the request body must be a JSON object",
                   {{"fields", nlohmann::json::object()}});
  }
}

bool FieldReader::has(std::string_view name) const {
  auto it = body_.find(name);
  return it != body_.end() && !it->is_null();
}

const nlohmann::json* FieldReader::raw(std::string_view name) const {
  auto it = body_.find(name);
  if (it == body_.end() || it->is_null()) return nullptr;
  return &*it;
}

std::optional<std::string> FieldReader::text(std::string_view name, Presence presence,
                                             std::size_t max_length) {
  const nlohmann::json* value = raw(name);
  if (!value) {
    if (presence == Presence::kRequired) fail(name, "required");
    return std::nullopt;
  }
  if (!value->is_string()) {
    fail(name, "must be text");
    return std::nullopt;
  }
  std::string out = trim(value->get_ref<const std::string&>());
  if (out.empty() && presence == Presence::kRequired) {
    fail(name, "required");
    return std::nullopt;
  }
  if (out.size() > max_length) {
    fail(name, "must be at most " + std::to_string(max_length) + " characters");
    return std::nullopt;
  }
  return out;
}

std::optional<std::int64_t> FieldReader::integer(std::string_view name, Presence presence,
                                                 std::int64_t min, std::int64_t max) {
  const nlohmann::json* value = raw(name);
  if (!value) {
    if (presence == Presence::kRequired) fail(name, "required");
    return std::nullopt;
  }
  if (!value->is_number_integer()) {
    fail(name, "must be a whole number");
    return std::nullopt;
  }
  std::int64_t out = 0;
  if (value->is_number_unsigned()) {
    auto u = value->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(max)) {
      fail(name, "must be at most " + std::to_string(max));
      return std::nullopt;
    }
    out = static_cast<std::int64_t>(u);
  } else {
    out = value->get<std::int64_t>();
  }
  if (out < min || out > max) {
    fail(name, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return std::nullopt;
  }
  return out;
}

std::optional<bool> FieldReader::boolean(std::string_view name, Presence presence) {
  const nlohmann::json* value = raw(name);
  if (!value) {
    if (presence == Presence::kRequired) fail(name, "required");
    return std::nullopt;
  }
  if (!value->is_boolean()) {
    fail(name, "must be true or false");
    return std::nullopt;
  }
  return value->get<bool>();
}

void FieldReader::fail(std::string_view name, std::string reason) {
  std::string key(name);
  if (!errors_.contains(key)) errors_[key] = std::move(reason);
}

void FieldReader::absorb(const FieldReader& nested, std::string_view prefix) {
  for (auto it = nested.errors_.begin(); it != nested.errors_.end(); ++it) {
    fail(std::string(prefix) + "." + it.key(), it.value().get<std::string>());
  }
}

void FieldReader::finish() const {
  if (errors_.empty()) return;
  std::string names;
  for (auto it = errors_.begin(); it != errors_.end(); ++it) {
    if (!names.empty()) names += ", ";
    names += it.key();
  }
  throw AppError(ErrorCode::kValidation, "invalid fields: " + names, {{"fields", errors_}});
}

}  // namespace rx::core
