#include "core/identity/role.h"

namespace rx::core {

std::string_view to_string(Role role) {
  const std::string_view name = enum_name(role);
  return name.empty() ? "staff" : name;
}

std::optional<Role> parse_role(std::string_view text) { return enum_from_name<Role>(text); }

}  // namespace rx::core
