#pragma once

#include "messaging/message_channel.h"
#include "refills/refill_reminder.h"

// The domain states the refill report counts by are the refills and messaging folders' own
// enums, spelled once there (core::EnumNames) and read at the storage edge by storage::Codec.
namespace rx::reports {

using RefillStatus = refills::RefillStatus;
using RefillResponse = refills::RefillResponse;
// How a reminder went out (refill_reminders.sent_channel) or a message was sent
// (messages.channel, whose values are a subset).
using Channel = refills::RefillChannel;
using MessageStatus = messaging::MessageStatus;

}  // namespace rx::reports
