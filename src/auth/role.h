#pragma once

#include <optional>
#include <string_view>

namespace rx::auth {

enum class Role { kOwner, kManager, kStaff };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

// Owners and managers run the shop's lists, staff and reports; staff work what they are given.
inline bool is_manager_or_owner(Role role) {
  return role == Role::kOwner || role == Role::kManager;
}

}  // namespace rx::auth
