#pragma once

#include "automation/outreach_approval.h"
#include "automation/refill_cadence.h"
#include "contacts/assignment_types.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rx::shops {

struct Shop {
  std::int64_t id = 0;
  std::string name;
  std::string phone_region = "IN";
  std::string time_zone = "Asia/Kolkata";
  int refill_lead_days = 5;
  // The hours the shop calls in, shop-local [start, end), 0 <= start < end <= 24: the best
  // times to reach contacts are sought inside them.
  int call_window_start = 9;
  int call_window_end = 21;
  // The days, relative to running out, a refill reminder is attempted on; nullopt for a shop
  // that never set one, whose cadence is then [-refill_lead_days] (effective_cadence).
  std::optional<automation::RefillCadence> refill_cadence;
  // Calls that do not reach a contact (no_answer, busy, switched_off) before it is set aside as
  // unreachable, 1..50.
  int max_call_attempts = 5;
  // Assignment that runs itself: "off" or "on_upload" (an upload shares its new contacts out),
  // and the days an open contact may go unworked before the daily job moves it (empty: never).
  contacts::AutoAssign auto_assign = contacts::AutoAssign::kOff;
  std::optional<int> reassign_after_days;
  // Whether reminder passes send at once or hold messages for a manager's approval.
  automation::OutreachApproval outreach_approval = automation::OutreachApproval::kAutomatic;
};

// The cadence the shop's reminders follow: its own, or one step `refill_lead_days` ahead.
inline automation::RefillCadence effective_cadence(const Shop& shop) {
  return automation::cadence_or_lead(
      shop.refill_cadence ? shop.refill_cadence->offsets : std::vector<int>{},
      shop.refill_lead_days);
}

}  // namespace rx::shops
