#include "messaging/remind_pass.h"

#include "core/time_zone.h"
#include "messaging/approval_expiry.h"
#include "messaging/delivery_rules.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/reminder_outreach.h"

#include <spdlog/spdlog.h>

namespace rx::messaging {

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
    sender_.send_due(shop, *settings, today, counts);
  }
  db_.with_connection([&](storage::Connection& c) {
    counts.skipped += static_cast<int>(OutreachRepository::call_list_size(c, shop.id, today));
  });
}

}  // namespace rx::messaging
