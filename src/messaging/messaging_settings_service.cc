#include "messaging/messaging_settings_service.h"

#include "core/error.h"
#include "messaging/messaging_settings_repository.h"

namespace rx::messaging {
namespace {

// Forgets a previous webhook key's expiry once it has passed.
MessagingSettings as_of(MessagingSettings s, std::int64_t now_ms) {
  for (auto* expires : {&s.whatsapp_previous_key_expires_ms, &s.sms_previous_key_expires_ms}) {
    if (*expires && **expires <= now_ms) expires->reset();
  }
  return s;
}

}  // namespace

MessagingSettings settings_for_webhook_key(storage::Database& db, WebhookChannel channel,
                                           const std::string& webhook_key, std::int64_t now_ms) {
  std::optional<MessagingSettings> found;
  db.with_connection([&](storage::Connection& c) {
    const auto shop_id = WebhookKeyRepository::shop_for_key(c, channel, webhook_key, now_ms);
    if (shop_id) found = MessagingSettingsRepository::find(c, *shop_id);
  });
  if (!found) core::throw_not_found("webhook");
  return *found;
}

MessagingSettings MessagingSettingsService::get(const auth::Principal& actor) {
  std::optional<MessagingSettings> found;
  db_.with_connection(
      [&](storage::Connection& c) { found = MessagingSettingsRepository::find(c, actor.shop_id); });
  if (!found) core::throw_not_found("shop");
  return as_of(*found, clock_.now_ms());
}

MessagingSettings MessagingSettingsService::update(const auth::Principal& actor,
                                                   const MessagingSettingsChanges& changes) {
  MessagingSettings result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    auto before = MessagingSettingsRepository::find(c, actor.shop_id);
    if (!before) core::throw_not_found("shop");
    const std::string start = changes.send_window_start.value_or(before->send_window_start);
    const std::string end = changes.send_window_end.value_or(before->send_window_end);
    if (start == end) {
      throw core::AppError(core::ErrorCode::kValidation, "the send window may not be empty",
                           {{"fields", {{"send_window_end", "must differ from the start"}}}});
    }
    MessagingSettingsRepository::update(c, actor.shop_id, changes, now);
    result = as_of(*MessagingSettingsRepository::find(c, actor.shop_id), now);
  });
  return result;
}

MessagingSettings MessagingSettingsService::rotate_webhook_key(const auth::Principal& actor,
                                                               WebhookChannel channel) {
  MessagingSettings result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    WebhookKeyRepository::rotate(c, actor.shop_id, channel, now);
    auto after = MessagingSettingsRepository::find(c, actor.shop_id);
    if (!after) core::throw_not_found("shop");
    result = as_of(*after, now);
  });
  return result;
}

}  // namespace rx::messaging
