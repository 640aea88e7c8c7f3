#pragma once

#include "staff/staff_member.h"

#include <nlohmann/json.hpp>

#include <string_view>

namespace rx::staff {

nlohmann::json to_json(const StaffMember& member, std::string_view time_zone);
// The short form used in sign-in answers: id, shop_id, name, email, role.
nlohmann::json to_identity_json(const StaffMember& member);

}  // namespace rx::staff
