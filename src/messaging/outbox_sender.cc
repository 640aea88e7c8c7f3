#include "messaging/outbox_sender.h"

#include "messaging/channel_registry.h"
#include "messaging/message_repository.h"
#include "messaging/refill_channel_of.h"
#include "messaging/reminder_outreach.h"
#include "refills/refill_repository.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <limits>
#include <nlohmann/json.hpp>

namespace rx::messaging {
namespace {

constexpr std::int64_t kClaimBatch = 10;

std::vector<std::string> parameters_of(const Message& message) {
  std::vector<std::string> out;
  const nlohmann::json list =
      nlohmann::json::parse(message.parameters.value_or(""), nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// Why a claimed row may not go out after all (consent withdrawn, the reminder dealt with
// meanwhile); empty when it may.
std::string reason_not_to_send(const Message& message, const Reachability& reach,
                               const MessagingSettings& settings) {
  const Channel& channel = channel_for(message.channel);
  if (reach.opted_out) return "opted_out";
  if (!channel.ready(settings)) return "not_configured";
  if (!channel.consented(reach.consent)) return "consent_withdrawn";
  if (message.refill_reminder_id && reach.reminder_status != refills::RefillStatus::kPending) {
    return "reminder_closed";
  }
  return "";
}

std::optional<core::CustomerId> customer_of(const Message& message) {
  if (!message.customer_id) return std::nullopt;
  return core::CustomerId(*message.customer_id);
}

std::optional<core::RefillReminderId> reminder_of(const Message& message) {
  if (!message.refill_reminder_id) return std::nullopt;
  return core::RefillReminderId(*message.refill_reminder_id);
}

}  // namespace

std::string make_worker_name() {
  static const bool sodium_ready = sodium_init() >= 0;
  (void)sodium_ready;
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return fmt::format("{}:{}:{:08x}", host, getpid(), randombytes_random());
}

int OutboxSender::fail_abandoned(const ShopClock& shop) {
  std::vector<Message> failed;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    failed = MessageRepository::fail_abandoned(c, shop.id, now - kSendingLeaseMs, now);
  });
  for (const Message& m : failed) {
    spdlog::warn("message {} was abandoned mid-send by {}; marked interrupted, not resent", m.id,
                 m.claimed_by.value_or("?"));
  }
  return static_cast<int>(failed.size());
}

std::vector<Message> OutboxSender::claim(const ShopClock& shop, const MessagingSettings& settings,
                                         PassCounts& counts, bool& claimed_any,
                                         bool window_ending) {
  std::vector<Message> to_send;
  claimed_any = false;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    const std::int64_t planned_before =
        window_ending ? std::numeric_limits<std::int64_t>::max() : now;
    for (Message& m :
         MessageRepository::claim(c, shop.id, worker_, now, kClaimBatch, planned_before)) {
      claimed_any = true;
      const std::string reason = reason_not_to_send(
          m,
          OutreachRepository::reachability(c, shop.id, customer_of(m).value_or(core::CustomerId()),
                                           reminder_of(m)),
          settings);
      if (reason.empty()) {
        to_send.push_back(std::move(m));
      } else {
        MessageRepository::record_failed(c, shop.id, core::MessageId(m.id), reason, "", now);
        ++counts.failed;
      }
    }
  });
  return to_send;
}

SendOutcome OutboxSender::send(const MessagingSettings& settings, const Message& message) const {
  return channel_for(message.channel)
      .send(settings, OutgoingMessage{message.to_phone, message.template_name.value_or(""),
                                      parameters_of(message)});
}

void OutboxSender::settle(const ShopClock& shop, const MessagingSettings& settings,
                          const std::string& today, const Message& message,
                          const SendOutcome& outcome, PassCounts& counts) {
  const core::MessageId id(message.id);
  const Channel& channel = channel_for(message.channel);
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    if (outcome.accepted) {
      if (!MessageRepository::record_sent(c, shop.id, id, worker_, outcome.provider_message_id,
                                          now)) {
        spdlog::warn("message {} was sent but its row had moved on", message.id);
        return;
      }
      ++counts.sent;
      // A sent message takes the reminder off the call list, as staff marking it sent would.
      if (const auto reminder_id = reminder_of(message)) {
        auto reminder = refills::RefillRepository::find(c, shop.id, *reminder_id);
        if (reminder && reminder->status == refills::RefillStatus::kPending) {
          const refills::RefillChannel sent_by = refill_channel_of(message.channel);
          refills::RefillRepository::mark_sent(c, shop.id, *reminder_id, sent_by, std::nullopt,
                                               now);
          refills::RefillRepository::add_event(c, shop.id, *reminder_id, "sent", sent_by,
                                               std::nullopt, fmt::format("message {}", message.id),
                                               std::nullopt, now);
        }
      }
      return;
    }
    const FailureKind kind = channel.failure_kind(outcome);
    if (kind == FailureKind::kRetry && message.attempts < kMaxAttempts) {
      MessageRepository::record_retry(c, shop.id, id,
                                      now + backoff_ms(static_cast<int>(message.attempts)),
                                      outcome.error_code, outcome.error_message, now);
      return;
    }
    MessageRepository::record_failed(c, shop.id, id, outcome.error_code, outcome.error_message,
                                     now);
    ++counts.failed;
    switch (message.channel) {
      case MessageChannel::kSms:
        return;  // the last resort: the reminder stays on the staff call list
      case MessageChannel::kWhatsapp:
        if (kind == FailureKind::kRecipientNotOnWhatsapp && message.customer_id) {
          OutreachRepository::set_whatsapp_status(c, shop.id, *customer_of(message), "inactive",
                                                  "delivery", now);
        }
        // The reminder is back on the call list already (no WhatsApp under way); SMS if agreed.
        if (const auto reminder_id = reminder_of(message);
            reminder_id && queue_sms_fallback(c, shop, settings, *reminder_id, today, now)) {
          counts.count_added(shop, 1);
        }
        return;
    }
  });
  if (!outcome.accepted) {
    spdlog::info("message {} ({}) not sent: {} (attempt {})", message.id,
                 core::enum_name(message.channel), outcome.error_code, message.attempts);
  }
}

void OutboxSender::send_due(const ShopClock& shop, const MessagingSettings& settings,
                            const std::string& today, PassCounts& counts, bool window_ending) {
  for (;;) {
    bool claimed_any = false;
    std::vector<Message> claimed = claim(shop, settings, counts, claimed_any, window_ending);
    if (!claimed_any) break;
    for (const Message& message : claimed) {
      settle(shop, settings, today, message, send(settings, message), counts);
    }
  }
}

}  // namespace rx::messaging
