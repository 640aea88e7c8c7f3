#pragma once

#include "core/json_fields.h"

#include <date/date.h>

#include <optional>
#include <string_view>
#include <vector>

namespace rx::automation {

// When a medicine's refill reminder is attempted: days relative to the day it runs out
// (-5 = five days before, 3 = three days after), ascending, 1 to kMaxSteps distinct values in
// [-kMaxOffset, kMaxOffset]. The default, {-5}, is one reminder five days ahead.
struct RefillCadence {
  static constexpr std::size_t kMaxSteps = 5;
  static constexpr int kMaxOffset = 30;
  std::vector<int> offsets{-5};
};

// A shop's cadence: its own offsets, or for a shop that never set any (`own` empty) one step
// `lead_days` before running out, the behaviour before cadences existed.
RefillCadence cadence_or_lead(const std::vector<int>& own, int lead_days);

// Reads the cadence in field `name` of the request (a JSON array of integers). A missing field
// answers nullopt with no problem; a wrong one is reported through `fields.fail(name, ...)` (its
// finish() then throws AppError(kValidation) naming the field) and answers nullopt.
std::optional<RefillCadence> read_refill_cadence(core::FieldReader& fields, std::string_view name);

// The days the steps fall on for a medicine running out on `run_out`. A customer's own lead
// (days before running out; nullopt = the shop's cadence as it is) moves the first step that
// comes before the run-out day to `-lead`, keeping the steps in order and distinct.
std::vector<date::sys_days> step_days(date::sys_days run_out, const RefillCadence& cadence,
                                      std::optional<int> customer_lead_days);

}  // namespace rx::automation
