#include "billing/bill_json.h"

#include "core/json_values.h"
#include "core/time_zone.h"
#include "customers/customer_json.h"
#include "refills/refill_json.h"

namespace rx::billing {

using core::nullable;

nlohmann::json to_json(const Bill& b, std::string_view tz) {
  nlohmann::json out = {{"id", b.id},
                        {"customer_id", b.customer_id},
                        {"customer_name", nullable(b.customer_name)},
                        {"customer_phone", b.customer_phone},
                        {"staff_id", nullable(b.staff_id)},
                        {"billed_at", core::format_instant(b.billed_at, tz)},
                        {"bill_date", b.bill_date},
                        {"customer_category", nullable(b.customer_category)},
                        {"was_contacted_before", b.was_contacted_before},
                        {"visited_but_no_purchase", b.visited_but_no_purchase},
                        {"total_paise", b.total_paise},
                        {"notes", nullable(b.notes)},
                        {"item_count", b.item_count}};
  if (!b.items.empty() || b.item_count == 0) {
    out["items"] = nlohmann::json::array();
    for (const auto& i : b.items) {
      out["items"].push_back({{"id", i.id},
                              {"line_no", i.line_no},
                              {"medicine", i.medicine},
                              {"quantity", i.quantity},
                              {"unit_price_paise", i.unit_price_paise},
                              {"amount_paise", i.amount_paise},
                              {"duration_days", nullable(i.duration_days)},
                              {"is_generic", i.is_generic},
                              {"runs_out_on", nullable(i.runs_out_on)}});
    }
  }
  return out;
}

nlohmann::json to_json(const Purchase& p) {
  return {{"id", p.id},
          {"bill_id", p.bill_id},
          {"medicine", p.medicine},
          {"quantity", p.quantity},
          {"amount_paise", p.amount_paise},
          {"is_generic", p.is_generic},
          {"purchased_on", p.purchased_on},
          {"duration_days", nullable(p.duration_days)},
          {"runs_out_on", nullable(p.runs_out_on)}};
}

nlohmann::json to_json(const BillResult& r, std::string_view tz, std::string_view today) {
  nlohmann::json reminders = nlohmann::json::array();
  for (const auto& reminder : r.reminders)
    reminders.push_back(refills::to_json(reminder, tz, today));
  nlohmann::json conversion;
  if (r.conversion) {
    conversion = {{"contact_id", r.conversion->contact_id},
                  {"conversion_value_paise", r.conversion->value_paise},
                  {"converted_at", core::format_instant(r.conversion->converted_at, tz)}};
  }
  return {{"bill", to_json(r.bill, tz)},
          {"total_paise", r.bill.total_paise},
          {"customer", customers::to_json(r.customer, tz)},
          {"customer_created", r.customer_created},
          {"conversion", conversion},
          {"yellow_contact_id", nullable(r.yellow_contact_id)},
          {"reminders", reminders},
          {"refilled_reminder_ids", r.refilled_reminder_ids}};
}

}  // namespace rx::billing
