#include "messaging/reply_to_reminder.h"

#include "core/json_fields.h"
#include "messaging/channel_registry.h"
#include "messaging/message_repository.h"
#include "messaging/refill_channel_of.h"
#include "pickups/pickup_repository.h"
#include "refills/refill_repository.h"

#include <fmt/format.h>

namespace rx::messaging {
namespace {

using refills::RefillReminder;
using refills::RefillRepository;

constexpr std::size_t kMaxReplyNoteLength = 200;

// The open reminder of `customer` the reply answers (see the header).
std::optional<RefillReminder> answered_reminder(storage::Connection& c, core::ShopId shop,
                                                core::CustomerId customer,
                                                const InboundMessage& message) {
  if (message.context_message_id) {
    const auto quoted =
        MessageRepository::find_by_provider_id(c, shop, *message.context_message_id);
    if (quoted && quoted->refill_reminder_id && quoted->customer_id == customer.value()) {
      auto reminder =
          RefillRepository::find(c, shop, core::RefillReminderId(*quoted->refill_reminder_id));
      if (reminder && refills::is_open(reminder->status)) return reminder;
    }
  }
  return RefillRepository::latest_open_for_customer(c, shop, customer);
}

}  // namespace

std::optional<core::RefillReminderId> act_on_refill_reply(
    storage::Connection& c, core::ShopId shop, core::CustomerId customer, MessageChannel channel,
    ReplyAction action, const InboundMessage& message, std::int64_t inbound_id,
    std::int64_t now_ms) {
  if (action == ReplyAction::kStop) return std::nullopt;
  const auto reminder = answered_reminder(c, shop, customer, message);
  if (!reminder) return std::nullopt;
  const core::RefillReminderId id(reminder->id);
  const refills::RefillResponse response = action == ReplyAction::kKeepReady
                                               ? refills::RefillResponse::kWillVisit
                                               : refills::RefillResponse::kRefilledElsewhere;
  const std::string words =
      core::trim(message.text ? *message.text : message.button_payload.value_or(message.kind));
  const std::string note = fmt::format("{} reply: {}", channel_for(channel).label(),
                                       words.substr(0, kMaxReplyNoteLength));
  RefillRepository::record_response(c, shop, id, response, note, now_ms);
  RefillRepository::stop_steps(c, shop, id, now_ms);
  RefillRepository::add_event(c, shop, id, "response", refill_channel_of(channel), response, note,
                              std::nullopt, now_ms);
  if (action == ReplyAction::kKeepReady) {
    pickups::PickupRepository::open_for_reminder(c, shop, customer, id, core::enum_name(channel),
                                                 inbound_id, now_ms);
  }
  return id;
}

}  // namespace rx::messaging
