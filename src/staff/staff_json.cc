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
  out["max_open_contacts"] = m.max_open_contacts ? nlohmann::json(*m.max_open_contacts) : nullptr;
  out["away_from"] = m.away_from ? nlohmann::json(*m.away_from) : nullptr;
  out["away_until"] = m.away_until ? nlohmann::json(*m.away_until) : nullptr;
  return out;
}

}  // namespace rx::staff
