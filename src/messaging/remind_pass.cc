#include "messaging/remind_pass.h"

#include "core/time_zone.h"
#include "messaging/approval_expiry.h"
#include "messaging/delivery_rules.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/reminder_outreach.h"
#include "messaging/send_hour.h"

#include <spdlog/spdlog.h>

namespace rx::messaging {
namespace {

// In the send window's last this many minutes, every queued row goes, whatever its plan: the
// passes after may fall outside the window.
constexpr int kWindowEndingMinutes = 60;

bool window_ending_now(const MessagingSettings& settings, const ShopClock& shop,
                       std::int64_t now_ms) {
  const auto start = parse_clock_time(settings.send_window_start, false);
  const auto end = parse_clock_time(settings.send_window_end, true);
  if (!start || !end) return false;
  return window_ending(local_minute_of_day(now_ms, shop.time_zone), *start, *end,
                       kWindowEndingMinutes);
}

}  // namespace

PassCounts RemindPass::run() {
  std::vector<ShopClock> shops;
  db_.with_connection([&](storage::Connection& c) { shops = OutreachRepository::shops(c); });
  PassCounts counts;
  for (const ShopClock& shop : shops) {
    try {
      run_shop(shop, counts);
    } catch (const std::exception& error) {
      spdlog::error("reminder pass for shop {} failed: {}", shop.id.value(), error.what());
    }
  }
  return counts;
}

void RemindPass::run_shop(const ShopClock& shop, PassCounts& counts) {
  counts.failed += sender_.fail_abandoned(shop);
  const std::int64_t now = clock_.now_ms();
  const std::string today = core::local_date(now, shop.time_zone);
  std::optional<MessagingSettings> settings;
  db_.with_connection(
      [&](storage::Connection& c) { settings = MessagingSettingsRepository::find(c, shop.id); });
  if (!settings) return;
  // Before queueing: a pass that runs after the window closed expires what waited in it.
  counts.expired += expire_unapproved(db_, shop, *settings, now);
  if (!settings->secrets_readable()) {
    // A database moved without its key: nothing is sent; the reminders stay on the call list.
    spdlog::warn("shop {}: messaging secrets cannot be read with this secret key; not sending",
                 shop.id.value());
  } else if (send_window_opened_at(*settings, shop, now)) {
    db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
      counts.count_added(shop, queue_due_reminders(c, shop, *settings, today, now));
    });
    sender_.send_due(shop, *settings, today, counts, window_ending_now(*settings, shop, now));
  }
  db_.with_connection([&](storage::Connection& c) {
    counts.skipped += static_cast<int>(OutreachRepository::call_list_size(c, shop.id, today));
  });
}

}  // namespace rx::messaging
