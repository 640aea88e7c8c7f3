#include "refills/refill_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"

#include <algorithm>

namespace rx::refills {

nlohmann::json to_json(const RefillReminder& r, std::string_view tz, std::string_view today) {
  return {{"id", r.id},
          {"customer_id", r.customer_id},
          {"customer_name", core::nullable(r.customer_name)},
          {"customer_phone", r.customer_phone},
          {"whatsapp_status", r.whatsapp_status},
          {"purchase_id", core::nullable(r.purchase_id)},
          {"bill_id", core::nullable(r.bill_id)},
          {"medicine", r.medicine},
          {"runs_out_on", r.runs_out_on},
          {"remind_on", r.remind_on},
          {"days_overdue", std::max(0, core::days_between(r.remind_on, today))},
          {"status", r.status},
          {"sent_channel", core::nullable(r.sent_channel)},
          {"sent_at", core::nullable_instant(r.sent_at, tz)},
          {"sent_by", core::nullable(r.sent_by)},
          {"response", core::nullable(r.response)},
          {"response_note", core::nullable(r.response_note)},
          {"responded_at", core::nullable_instant(r.responded_at, tz)},
          {"refilled_bill_id", core::nullable(r.refilled_bill_id)},
          {"closed_at", core::nullable_instant(r.closed_at, tz)},
          {"created_at", core::format_instant(r.created_at, tz)}};
}

}  // namespace rx::refills
