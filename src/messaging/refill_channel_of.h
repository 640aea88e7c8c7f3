#pragma once

#include "messaging/message_channel.h"
#include "refills/refill_reminder.h"

namespace rx::messaging {

// How a reminder reached by a message on `channel` records that channel.
constexpr refills::RefillChannel refill_channel_of(MessageChannel channel) {
  switch (channel) {
    case MessageChannel::kWhatsapp:
      return refills::RefillChannel::kWhatsapp;
    case MessageChannel::kSms:
      return refills::RefillChannel::kSms;
  }
  return refills::RefillChannel::kSms;
}

}  // namespace rx::messaging
