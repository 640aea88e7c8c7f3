#pragma once

#include "core/identity/role.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rx::staff {

struct StaffMember {
  std::int64_t id = 0;
  std::int64_t shop_id = 0;
  std::string name;
  std::string email;
  std::optional<std::string> phone;
  auth::Role role = auth::Role::kStaff;
  bool active = true;
  std::int64_t created_at = 0;
  // Assignment: open contacts held at most (empty: no limit), and leave, shop-local YYYY-MM-DD
  // days, both included (either may be open-ended).
  std::optional<std::int64_t> max_open_contacts;
  std::optional<std::string> away_from;
  std::optional<std::string> away_until;
};

struct NewStaffMember {
  std::string name;
  std::string email;  // lower-cased
  std::optional<std::string> phone;
  auth::Role role = auth::Role::kStaff;
  std::string password_hash;
};

struct StaffChanges {
  std::optional<std::string> name;
  std::optional<std::optional<std::string>> phone;  // set to a value or cleared
  std::optional<auth::Role> role;
  std::optional<bool> active;
  // Each set to a value or cleared (null) when present.
  std::optional<std::optional<std::int64_t>> max_open_contacts;
  std::optional<std::optional<std::string>> away_from;
  std::optional<std::optional<std::string>> away_until;
};

// Login lookup across shops (emails are unique across shops).
struct Credentials {
  std::int64_t staff_id = 0;
  std::int64_t shop_id = 0;
  std::string password_hash;
  bool active = false;
};

}  // namespace rx::staff
