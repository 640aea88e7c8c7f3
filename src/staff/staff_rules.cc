#include "staff/staff_rules.h"

#include <algorithm>

namespace rx::staff {

bool looks_like_email(std::string_view email) {
  const std::size_t at = email.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= email.size()) return false;
  if (email.find('@', at + 1) != std::string_view::npos) return false;
  if (email.find_first_of(" \t\r\n<>\"") != std::string_view::npos) return false;
  const std::string_view domain = email.substr(at + 1);
  const std::size_t dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

std::optional<std::string> read_email(core::FieldReader& fields, std::string_view name) {
  auto email = fields.text(name, core::Presence::kRequired, 254);
  if (!email) return std::nullopt;
  std::string lowered = core::to_lower(*email);
  if (!looks_like_email(lowered)) {
    fields.fail(name, "not an email address");
    return std::nullopt;
  }
  return lowered;
}

static_assert(kMinPasswordLength == 12 && kMaxPasswordLength == 128, "update the messages below");

std::optional<std::string> read_password(core::FieldReader& fields, std::string_view name) {
  const nlohmann::json* value = fields.raw(name);
  if (!value || !value->is_string()) {
    fields.fail(name, value ? "must be text" : "required");
    return std::nullopt;
  }
  const auto& password = value->get_ref<const std::string&>();
  // Characters, not bytes: each UTF-8 character has one byte that is not a continuation byte.
  const auto characters = std::count_if(password.begin(), password.end(), [](char ch) {
    return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
  });
  if (static_cast<std::size_t>(characters) < kMinPasswordLength) {
    fields.fail(name, "must be at least 12 characters");
    return std::nullopt;
  }
  if (password.size() > kMaxPasswordLength) {
    fields.fail(name, "must be at most 128 characters");
    return std::nullopt;
  }
  return password;
}

}  // namespace rx::staff
