#pragma once

#include "core/enum_names.h"

#include <array>
#include <string_view>
#include <utility>

namespace rx::messaging {

// How a message reaches a customer. Each channel has one implementation in the channel registry
// (messaging/channel_registry.h); a channel added here fails to compile until it has one.
enum class MessageChannel { kWhatsapp, kSms };

// The outbox row's life: queued -> sending (claimed by one sender) -> sent -> delivered -> read,
// or -> failed. A send that fails for a while goes back to queued with next_attempt_at. A shop
// that reviews its outreach first holds new rows as awaiting_approval: a manager's approval makes
// them queued; the end of the send window makes the rest expired (never sent).
enum class MessageStatus {
  kQueued,
  kSending,
  kSent,
  kDelivered,
  kRead,
  kFailed,
  kAwaitingApproval,
  kExpired
};

}  // namespace rx::messaging

template <>
struct rx::core::EnumNames<rx::messaging::MessageChannel> {
  using E = rx::messaging::MessageChannel;
  static constexpr auto kNames = spellings<E>(E::kWhatsapp, "whatsapp", E::kSms, "sms");
};

template <>
struct rx::core::EnumNames<rx::messaging::MessageStatus> {
  using E = rx::messaging::MessageStatus;
  static constexpr auto kNames =
      spellings<E>(E::kQueued, "queued", E::kSending, "sending", E::kSent, "sent", E::kDelivered,
                   "delivered", E::kRead, "read", E::kFailed, "failed", E::kAwaitingApproval,
                   "awaiting_approval", E::kExpired, "expired");
};
