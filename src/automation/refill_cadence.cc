#include "automation/refill_cadence.h"

#include <fmt/format.h>
#include <algorithm>

namespace rx::automation {

std::optional<RefillCadence> read_refill_cadence(core::FieldReader& fields, std::string_view name) {
  const nlohmann::json* raw = fields.raw(name);
  if (raw == nullptr) return std::nullopt;
  if (!raw->is_array() || raw->empty() || raw->size() > RefillCadence::kMaxSteps) {
    fields.fail(name,
                fmt::format("must be a list of 1 to {} whole days", RefillCadence::kMaxSteps));
    return std::nullopt;
  }
  RefillCadence cadence;
  cadence.offsets.clear();
  for (const nlohmann::json& step : *raw) {
    if (!step.is_number_integer() || step.get<std::int64_t>() < -RefillCadence::kMaxOffset ||
        step.get<std::int64_t>() > RefillCadence::kMaxOffset) {
      fields.fail(name, fmt::format("each step must be a whole number of days from {} to {}",
                                    -RefillCadence::kMaxOffset, RefillCadence::kMaxOffset));
      return std::nullopt;
    }
    cadence.offsets.push_back(step.get<int>());
  }
  std::sort(cadence.offsets.begin(), cadence.offsets.end());
  if (std::adjacent_find(cadence.offsets.begin(), cadence.offsets.end()) != cadence.offsets.end()) {
    fields.fail(name, "steps must not repeat a day");
    return std::nullopt;
  }
  return cadence;
}

RefillCadence cadence_or_lead(const std::vector<int>& own, int lead_days) {
  if (own.empty()) return RefillCadence{{-lead_days}};
  return RefillCadence{own};
}

std::vector<date::sys_days> step_days(date::sys_days run_out, const RefillCadence& cadence,
                                      std::optional<int> customer_lead_days) {
  std::vector<int> offsets = cadence.offsets;
  if (customer_lead_days) {
    const auto first_before =
        std::find_if(offsets.begin(), offsets.end(), [](int offset) { return offset < 0; });
    if (first_before != offsets.end()) {
      *first_before = -*customer_lead_days;
    } else {
      offsets.push_back(-*customer_lead_days);
    }
    std::sort(offsets.begin(), offsets.end());
    offsets.erase(std::unique(offsets.begin(), offsets.end()), offsets.end());
  }
  std::vector<date::sys_days> days;
  days.reserve(offsets.size());
  for (int offset : offsets) days.push_back(run_out + date::days{offset});
  return days;
}

}  // namespace rx::automation
