#pragma once

#include "core/enum_names.h"
#include "core/strong_id.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rx::pickups {

struct PickupTag;
using PickupId = core::Id<PickupTag>;

// waiting -> ready (set aside at the counter) -> collected (the customer's next bill); waiting or
// ready -> cancelled. collected and cancelled are final.
enum class PickupStatus { kWaiting, kReady, kCollected, kCancelled };

constexpr bool is_open(PickupStatus status) {
  return status == PickupStatus::kWaiting || status == PickupStatus::kReady;
}

// A medicine a customer asked, by replying to its refill reminder, to be kept ready for them.
struct Pickup {
  std::int64_t id = 0;
  std::int64_t customer_id = 0;
  std::optional<std::string> customer_name;
  std::string customer_phone;
  std::int64_t refill_reminder_id = 0;
  std::string medicine;     // the reminder's
  std::string runs_out_on;  // the reminder's
  std::string channel;      // whatsapp or sms: where the reply came from
  PickupStatus status = PickupStatus::kWaiting;
  std::optional<std::int64_t> ready_at;
  std::optional<std::int64_t> ready_by;
  std::optional<std::int64_t> bill_id;  // the bill that collected it
  std::optional<std::int64_t> closed_at;
  std::optional<std::int64_t> closed_by;
  std::int64_t created_at = 0;
};

}  // namespace rx::pickups

template <>
struct rx::core::EnumNames<rx::pickups::PickupStatus> {
  using E = rx::pickups::PickupStatus;
  static constexpr auto kNames =
      spellings<E>(E::kWaiting, "waiting", E::kReady, "ready", E::kCollected, "collected",
                   E::kCancelled, "cancelled");
};
