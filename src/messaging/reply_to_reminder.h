#pragma once

#include "core/strong_id.h"
#include "messaging/inbound_message.h"
#include "messaging/message_channel.h"
#include "messaging/reply_action.h"
#include "storage/database.h"

#include <optional>

namespace rx::messaging {

// A customer's "keep it ready" or "already bought" reply, acted on inside the caller's
// transaction (take_inbound_message; "stop" is an opt-out and not handled here). The reminder it
// answers is the one whose message the reply quotes (WhatsApp context id), when that reminder is
// the customer's and still open; otherwise the customer's latest open reminder.
// - keep it ready: the response will_visit, no further cadence step, and a waiting pickup for
//   the reminder on the Keep ready list (none when the reminder has an open one already);
// - already bought: the response refilled_elsewhere, and no further cadence step.
// Each is kept in the reminder's history as a response event naming the channel and the reply's
// words. Answers the reminder acted on, or nullopt when the customer has no open reminder (the
// reply is then only logged). Database failures are thrown as core::AppError
// (storage/driver_error.h).
std::optional<core::RefillReminderId> act_on_refill_reply(
    storage::Connection& c, core::ShopId shop, core::CustomerId customer, MessageChannel channel,
    ReplyAction action, const InboundMessage& message, std::int64_t inbound_id,
    std::int64_t now_ms);

}  // namespace rx::messaging
