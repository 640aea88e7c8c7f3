#include "messaging/approval_expiry.h"

#include "audit/audit_log.h"
#include "messaging/delivery_rules.h"
#include "messaging/message_repository.h"

#include <nlohmann/json.hpp>

namespace rx::messaging {
namespace {

constexpr std::int64_t kMinuteMs = 60 * 1000;
constexpr int kMinutesPerDay = 24 * 60;
constexpr std::string_view kMessagesExpired = "message.expire";

}  // namespace

std::optional<std::int64_t> send_window_opened_at(const MessagingSettings& settings,
                                                  const ShopClock& shop, std::int64_t now_ms) {
  const auto start = parse_clock_time(settings.send_window_start, false);
  const auto end = parse_clock_time(settings.send_window_end, true);
  if (!start || !end) return std::nullopt;
  const int minute = local_minute_of_day(now_ms, shop.time_zone);
  if (!in_send_window(minute, *start, *end)) return std::nullopt;
  // Minutes since the window opened; a window over midnight may have opened yesterday.
  const int since_start = ((minute - *start) % kMinutesPerDay + kMinutesPerDay) % kMinutesPerDay;
  return now_ms - (now_ms % kMinuteMs) - since_start * kMinuteMs;
}

int expire_unapproved(storage::Database& db, const ShopClock& shop,
                      const MessagingSettings& settings, std::int64_t now_ms) {
  const std::optional<std::int64_t> opened = send_window_opened_at(settings, shop, now_ms);
  // Closed: everything waiting was queued in a window that has ended (passes queue only
  // inside it).
  const std::int64_t created_before = opened ? *opened : now_ms + 1;
  int expired = 0;
  db.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::vector<Message> rows =
        MessageRepository::expire_awaiting(c, shop.id, created_before, now_ms);
    expired = static_cast<int>(rows.size());
    if (rows.empty()) return;
    nlohmann::json ids = nlohmann::json::array();
    nlohmann::json reminders = nlohmann::json::array();
    for (const Message& m : rows) {
      ids.push_back(m.id);
      if (m.refill_reminder_id) reminders.push_back(*m.refill_reminder_id);
    }
    audit::append(c, audit::Entry{shop.id.value(),
                                  std::nullopt,
                                  kMessagesExpired,
                                  "message",
                                  std::nullopt,
                                  {{"by", "automatic"},
                                   {"count", expired},
                                   {"ids", ids},
                                   {"refill_reminder_ids", reminders},
                                   {"reason", "not approved by the end of the send window"}},
                                  "",
                                  now_ms});
  });
  return expired;
}

}  // namespace rx::messaging
