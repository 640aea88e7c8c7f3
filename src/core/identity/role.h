#pragma once

#include "core/enum_names.h"

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace rx::core {

enum class Role { kOwner, kManager, kStaff };

template <>
struct EnumNames<Role> {
  static constexpr auto kNames =
      spellings<Role>(Role::kOwner, "owner", Role::kManager, "manager", Role::kStaff, "staff");
};

// The role's name in JSON and in the database ("owner", "manager", "staff").
std::string_view to_string(Role role);
// The role named `text` exactly; nullopt for any other text.
std::optional<Role> parse_role(std::string_view text);

// Owners and managers run the shop's lists, staff and reports; staff work what they are given.
inline bool is_manager_or_owner(Role role) {
  return role == Role::kOwner || role == Role::kManager;
}

}  // namespace rx::core

// The names the callers knew before Role moved to this leaf; a mechanical rename of
// `auth::Role` to `core::Role` across src/ lets them go.
namespace rx::auth {
using core::is_manager_or_owner;
using core::parse_role;
using core::Role;
using core::to_string;
}  // namespace rx::auth
