#pragma once

#include "core/strong_id.h"
#include "messaging/message_channel.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::messaging {

// One row of the outbox.
struct Message {
  std::int64_t id = 0;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_name;  // joined for lists
  std::optional<std::int64_t> refill_reminder_id;
  MessageChannel channel = MessageChannel::kWhatsapp;
  std::string to_phone;  // E.164
  std::optional<std::string> template_name;
  std::optional<std::string> parameters;  // JSON array of the template's body parameters
  std::string idempotency_key;
  MessageStatus status = MessageStatus::kQueued;
  std::int64_t attempts = 0;
  std::optional<std::int64_t> next_attempt_at;
  std::optional<std::string> claimed_by;
  std::optional<std::int64_t> claimed_at;
  std::optional<std::string> provider_message_id;
  std::optional<std::string> error_code;
  std::optional<std::string> error_message;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> delivered_at;
  std::optional<std::int64_t> read_at;
  std::optional<std::int64_t> failed_at;
  // When the scheduler plans to send it (the customer's soonest-read hour); empty: at once.
  std::optional<std::int64_t> planned_for;
};

struct NewMessage {
  std::int64_t customer_id = 0;
  std::optional<std::int64_t> refill_reminder_id;
  std::optional<std::int64_t> refill_step;  // the reminder's step it attempts
  MessageChannel channel = MessageChannel::kWhatsapp;
  std::string to_phone;
  std::string template_name;
  std::string parameters;
  std::string idempotency_key;
  std::optional<std::int64_t> planned_for;  // empty: due at once
  // kQueued, or kAwaitingApproval for a shop that reviews its outreach first.
  MessageStatus status = MessageStatus::kQueued;
};

// A WhatsApp message's read receipt: who read it, and when.
struct ReadReceipt {
  std::int64_t customer_id = 0;
  std::int64_t read_at = 0;
};

struct MessageFilter {
  std::optional<MessageStatus> status;
  std::optional<MessageChannel> channel;
  std::optional<std::int64_t> customer_id;
  std::optional<std::int64_t> reminder_id;
  std::optional<std::int64_t> created_from;   // instant, inclusive
  std::optional<std::int64_t> created_until;  // instant, exclusive
};

// "reminder:<id>:<step>:<channel>": the key that lets each step of a reminder go out at most
// once per channel.
std::string reminder_message_key(core::RefillReminderId reminder_id, std::int64_t step,
                                 MessageChannel channel);

}  // namespace rx::messaging
