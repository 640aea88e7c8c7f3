#include "auth/role.h"

namespace rx::auth {

std::string_view to_string(Role role) {
  switch (role) {
    case Role::kOwner:
      return "owner";
    case Role::kManager:
      return "manager";
    case Role::kStaff:
      return "staff";
  }
  return "staff";
}

std::optional<Role> parse_role(std::string_view text) {
  if (text == "owner") return Role::kOwner;
  if (text == "manager") return Role::kManager;
  if (text == "staff") return Role::kStaff;
  return std::nullopt;
}

}  // namespace rx::auth
