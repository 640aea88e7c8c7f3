#include "messaging/messaging_settings_service.h"

#include "core/error.h"
#include "messaging/messaging_settings_repository.h"

namespace rx::messaging {

MessagingSettings settings_for_webhook_key(storage::Database& db, const std::string& webhook_key) {
  std::optional<MessagingSettings> found;
  db.with_connection([&](storage::Connection& c) {
    found = MessagingSettingsRepository::find_by_webhook_key(c, webhook_key);
  });
  if (!found) core::throw_not_found("webhook");
  return *found;
}

MessagingSettings MessagingSettingsService::get(const auth::Principal& actor) {
  std::optional<MessagingSettings> found;
  db_.with_connection(
      [&](storage::Connection& c) { found = MessagingSettingsRepository::find(c, actor.shop_id); });
  if (!found) core::throw_not_found("shop");
  return *found;
}

MessagingSettings MessagingSettingsService::update(const auth::Principal& actor,
                                                   const MessagingSettingsChanges& changes) {
  MessagingSettings result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto before = MessagingSettingsRepository::find(c, actor.shop_id);
    if (!before) core::throw_not_found("shop");
    const std::string start = changes.send_window_start.value_or(before->send_window_start);
    const std::string end = changes.send_window_end.value_or(before->send_window_end);
    if (start == end) {
      throw core::AppError(core::ErrorCode::kValidation, "the send window may not be empty",
                           {{"fields", {{"send_window_end", "must differ from the start"}}}});
    }
    MessagingSettingsRepository::update(c, actor.shop_id, changes, clock_.now_ms());
    result = *MessagingSettingsRepository::find(c, actor.shop_id);
  });
  return result;
}

}  // namespace rx::messaging
