#pragma once

#include "core/json_fields.h"

#include <optional>
#include <string>

namespace rx::staff {

// New passwords only: a stored password of any length still signs in.
inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 128;

// Reads and checks the fields every new sign-in needs; failures are added to `fields`.
std::optional<std::string> read_email(core::FieldReader& fields, std::string_view name);
std::optional<std::string> read_password(core::FieldReader& fields, std::string_view name);
bool looks_like_email(std::string_view email);

}  // namespace rx::staff
