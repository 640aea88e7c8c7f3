#include "pickups/pickup_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"

namespace rx::pickups {

nlohmann::json to_json(const Pickup& p, std::string_view time_zone) {
  using core::nullable;
  using core::nullable_instant;
  return {{"id", p.id},
          {"customer_id", p.customer_id},
          {"customer_name", nullable(p.customer_name)},
          {"customer_phone", p.customer_phone},
          {"refill_reminder_id", p.refill_reminder_id},
          {"medicine", p.medicine},
          {"runs_out_on", p.runs_out_on},
          {"channel", p.channel},
          {"status", core::enum_name(p.status)},
          {"ready_at", nullable_instant(p.ready_at, time_zone)},
          {"ready_by", nullable(p.ready_by)},
          {"bill_id", nullable(p.bill_id)},
          {"closed_at", nullable_instant(p.closed_at, time_zone)},
          {"closed_by", nullable(p.closed_by)},
          {"created_at", core::format_instant(p.created_at, time_zone)}};
}

}  // namespace rx::pickups
