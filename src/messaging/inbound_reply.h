#pragma once

#include "messaging/inbound_message.h"
#include "messaging/message_channel.h"
#include "messaging/messaging_settings.h"
#include "storage/database.h"

#include <string_view>

namespace rx::messaging {

// The channel a message came in on.
using InboundChannel = MessageChannel;

// One message someone sent the shop, inside the caller's transaction: stored once
// (inbound_messages), then acted on. A message id stored before is a redelivery: nothing happens
// and the answer is false. From a number that normalises in the shop's phone region:
// - STOP (any case, punctuation around it ignored) or one of the shop's opt-out keywords opts
//   the customer with that number out on every channel (a consent event, method reply);
// - the shop's "stop" quick-reply payload does the same;
// - anything else is logged as an interaction of that channel on the number's contact record,
//   which is created (pending, unassigned) for a number the shop has never seen; a customer's
//   "keep it ready" or "already bought" reply (reply_action.h) also acts on the refill reminder
//   it answers (act_on_refill_reply);
// - a WhatsApp message also marks the number WhatsApp-active: whoever writes there is on it.
// A message without a usable number is only stored. Database failures are thrown as
// core::AppError (storage/driver_error.h).
bool take_inbound_message(storage::Connection& c, const MessagingSettings& settings,
                          std::string_view phone_region, InboundChannel channel,
                          const InboundMessage& message, std::int64_t now_ms);

}  // namespace rx::messaging
