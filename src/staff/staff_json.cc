#include "staff/staff_json.h"

#include "core/time_zone.h"

namespace rx::staff {

nlohmann::json to_identity_json(const StaffMember& m) {
  return {{"id", m.id},
          {"shop_id", m.shop_id},
          {"name", m.name},
          {"email", m.email},
          {"role", auth::to_string(m.role)}};
}

nlohmann::json to_json(const StaffMember& m, std::string_view time_zone) {
  nlohmann::json out = to_identity_json(m);
  out["phone"] = m.phone ? nlohmann::json(*m.phone) : nlohmann::json(nullptr);
  out["active"] = m.active;
  out["created_at"] = core::format_instant(m.created_at, time_zone);
  return out;
}

}  // namespace rx::staff
