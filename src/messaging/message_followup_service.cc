#include "messaging/message_followup_service.h"

#include "audit/audit_log.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "customers/customer_repository.h"
#include "messaging/message_repository.h"
#include "messaging/outreach_repository.h"

namespace rx::messaging {
namespace {

constexpr int kDefaultDays = 14;
constexpr int kMaxDays = 366;
constexpr std::string_view kMessageRetried = "message.retry";

[[noreturn]] void conflict(std::string message) {
  throw core::AppError(core::ErrorCode::kConflict, std::move(message));
}

// Why the message may not be queued again now; the sender would refuse it anyway.
void check_still_allowed(storage::Connection& c, std::int64_t shop_id, const Message& m) {
  if (!m.customer_id) return;  // a test message: no customer, no consent to check
  const Reachability reach =
      OutreachRepository::reachability(c, shop_id, *m.customer_id, m.refill_reminder_id);
  if (reach.opted_out) conflict("the customer has opted out of messages");
  const bool consent = m.channel == "whatsapp" ? reach.whatsapp_consent : reach.sms_consent;
  if (!consent) {
    conflict(m.channel == "whatsapp" ? "the customer has no WhatsApp consent now"
                                     : "the customer has no SMS consent now");
  }
  if (m.refill_reminder_id && reach.reminder_status != "pending") {
    conflict("the refill reminder is no longer pending (sent, answered or cancelled meanwhile)");
  }
}

void add(DailyCount& day, const std::string& status, std::int64_t n) {
  if (status == "queued" || status == "sending") {
    day.queued += n;
  } else if (status == "sent") {
    day.sent += n;
  } else if (status == "delivered") {
    day.delivered += n;
  } else if (status == "read") {
    day.read += n;
  } else if (status == "failed") {
    day.failed += n;
  }
  day.total += n;
}

}  // namespace

Message MessageFollowupService::retry(const auth::Principal& actor, std::int64_t message_id) {
  Message result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto message = MessageRepository::find(c, actor.shop_id, message_id);
    if (!message) core::throw_not_found("message");
    if (message->status != "failed") {
      conflict("only a failed message can be retried; this one is " + message->status);
    }
    check_still_allowed(c, actor.shop_id, *message);
    const std::int64_t now = clock_.now_ms();
    auto requeued = MessageRepository::requeue_failed(c, actor.shop_id, message_id, now);
    if (!requeued) conflict("the message changed meanwhile; reload it");
    audit::record(
        c, actor, kMessageRetried, "message", message_id,
        {{"channel", requeued->channel}, {"previous_error_code", message->error_code.value_or("")}},
        now);
    result = std::move(*requeued);
    // The list's shape carries the customer's name.
    if (result.customer_id) {
      auto customer = customers::CustomerRepository::find(c, core::ShopId(actor.shop_id),
                                                          core::CustomerId(*result.customer_id));
      if (customer) result.customer_name = customer->name;
    }
  });
  return result;
}

DailyCounts MessageFollowupService::daily(const auth::Principal& actor,
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
           MessageRepository::count_by_status(c, actor.shop_id, start, end)) {
        add(day, status, n);
      }
      out.days.push_back(std::move(day));
      start = end;
    }
  });
  return out;
}

}  // namespace rx::messaging
