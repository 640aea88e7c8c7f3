#include "messaging/message_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"

namespace rx::messaging {

nlohmann::json to_json(const Message& m, std::string_view tz) {
  using core::nullable;
  using core::nullable_instant;
  return {{"id", m.id},
          {"customer_id", nullable(m.customer_id)},
          {"customer_name", nullable(m.customer_name)},
          {"refill_reminder_id", nullable(m.refill_reminder_id)},
          {"channel", std::string(core::enum_name(m.channel))},
          {"to_phone", m.to_phone},
          {"template", nullable(m.template_name)},
          {"status", std::string(core::enum_name(m.status))},
          {"attempts", m.attempts},
          {"provider_message_id", nullable(m.provider_message_id)},
          {"error_code", nullable(m.error_code)},
          {"error_message", nullable(m.error_message)},
          {"created_at", core::format_instant(m.created_at, tz)},
          {"sent_at", nullable_instant(m.sent_at, tz)},
          {"delivered_at", nullable_instant(m.delivered_at, tz)},
          {"read_at", nullable_instant(m.read_at, tz)},
          {"failed_at", nullable_instant(m.failed_at, tz)},
          {"next_attempt_at", nullable_instant(m.next_attempt_at, tz)},
          {"planned_for", nullable_instant(m.planned_for, tz)}};
}

}  // namespace rx::messaging
