#pragma once

#include "core/enum_names.h"

namespace rx::automation {

// Whether a shop's reminder passes send what they queue (automatic, the default) or hold it for a
// manager's approval first (review): messages then wait as awaiting_approval, and what is not
// approved by the end of the send window expires onto the call list.
enum class OutreachApproval { kAutomatic, kReview };

}  // namespace rx::automation

template <>
struct rx::core::EnumNames<rx::automation::OutreachApproval> {
  using E = rx::automation::OutreachApproval;
  static constexpr auto kNames = spellings<E>(E::kAutomatic, "automatic", E::kReview, "review");
};
