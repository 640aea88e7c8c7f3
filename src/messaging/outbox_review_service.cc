#include "messaging/outbox_review_service.h"

#include "audit/audit_log.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_repository.h"
#include "messaging/channel_registry.h"
#include "messaging/message_repository.h"
#include "messaging/outreach_repository.h"

#include <fmt/format.h>

namespace rx::messaging {
namespace {

constexpr int kDefaultDays = 14;
constexpr int kMaxDays = 366;
constexpr std::string_view kMessageRetried = "message.retry";

[[noreturn]] void conflict(std::string message) {
  throw core::AppError(core::ErrorCode::kConflict, std::move(message));
}

// Why the message may not be queued again now; the sender would refuse it anyway.
void check_still_allowed(storage::Connection& c, core::ShopId shop, const Message& m) {
  if (!m.customer_id) return;  // a test message: no customer, no consent to check
  const std::optional<core::RefillReminderId> reminder =
      m.refill_reminder_id ? std::optional(core::RefillReminderId(*m.refill_reminder_id))
                           : std::nullopt;
  const Reachability reach =
      OutreachRepository::reachability(c, shop, core::CustomerId(*m.customer_id), reminder);
  if (reach.opted_out) conflict("the customer has opted out of messages");
  const Channel& channel = channel_for(m.channel);
  if (!channel.consented(reach.consent)) {
    conflict(fmt::format("the customer has no {} consent now", channel.label()));
  }
  if (m.refill_reminder_id && reach.reminder_status != refills::RefillStatus::kPending) {
    conflict("the refill reminder is no longer pending (sent, answered or cancelled meanwhile)");
  }
}

void add(DailyCount& day, MessageStatus status, std::int64_t n) {
  switch (status) {
    case MessageStatus::kQueued:
    case MessageStatus::kSending:
      day.queued += n;
      break;
    case MessageStatus::kSent:
      day.sent += n;
      break;
    case MessageStatus::kDelivered:
      day.delivered += n;
      break;
    case MessageStatus::kRead:
      day.read += n;
      break;
    case MessageStatus::kFailed:
      day.failed += n;
      break;
    case MessageStatus::kAwaitingApproval:
      day.awaiting_approval += n;
      break;
    case MessageStatus::kExpired:
      day.expired += n;
      break;
  }
  day.total += n;
}

}  // namespace

Message OutboxReviewService::retry(const auth::Principal& actor, core::MessageId message_id) {
  const core::ShopId shop(actor.shop_id);
  Message result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto message = MessageRepository::find(c, shop, message_id);
    if (!message) core::throw_not_found("message");
    if (message->status != MessageStatus::kFailed) {
      conflict("only a failed message can be retried; this one is " +
               std::string(core::enum_name(message->status)));
    }
    check_still_allowed(c, shop, *message);
    const std::int64_t now = clock_.now_ms();
    auto requeued = MessageRepository::requeue_failed(c, shop, message_id, now);
    if (!requeued) conflict("the message changed meanwhile; reload it");
    audit::record(c, actor, kMessageRetried, "message", message_id.value(),
                  {{"channel", std::string(core::enum_name(requeued->channel))},
                   {"previous_error_code", message->error_code.value_or("")}},
                  now);
    result = std::move(*requeued);
    // The list's shape carries the customer's name.
    if (result.customer_id) {
      auto customer =
          customers::CustomerRepository::find(c, shop, core::CustomerId(*result.customer_id));
      if (customer) result.customer_name = customer->name;
    }
  });
  return result;
}

DailyCounts OutboxReviewService::daily(const auth::Principal& actor,
                                       std::optional<std::string> from,
                                       std::optional<std::string> to) {
  const std::string today = core::local_date(clock_.now_ms(), actor.time_zone);
  if (!to) to = today;
  if (!from) from = core::add_days(*to, -(kDefaultDays - 1));
  const int span = core::days_between(*from, *to);
  if (span < 0) {
    throw core::AppError(core::ErrorCode::kValidation, "from is after to",
                         {{"fields", {{"from", "after to"}}}});
  }
  if (span + 1 > kMaxDays) {
    throw core::AppError(core::ErrorCode::kValidation, "the window is longer than 366 days",
                         {{"fields", {{"to", "more than 366 days after from"}}}});
  }
  DailyCounts out{*from, *to, {}};
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    out.days.clear();
    std::int64_t start = core::start_of_local_day(*from, actor.time_zone);
    for (int i = 0; i <= span; ++i) {
      DailyCount day;
      day.date = core::add_days(*from, i);
      const std::int64_t end =
          core::start_of_local_day(core::add_days(day.date, 1), actor.time_zone);
      for (const auto& [status, n] :
           MessageRepository::count_by_status(c, core::ShopId(actor.shop_id), start, end)) {
        add(day, status, n);
      }
      out.days.push_back(std::move(day));
      start = end;
    }
  });
  return out;
}

}  // namespace rx::messaging
