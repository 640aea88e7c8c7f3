#include "messaging/messaging_settings_service.h"

#include "core/error.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/provider_http.h"
#include "messaging/provider_url.h"

namespace rx::messaging {
namespace {

// 422 naming each base URL that may not be used: plain http, or a host that is (or spells) an
// address outside the public internet, unless the operator allowed the host. A name is looked up
// when a message is sent, not here (provider_http.h).
void check_provider_urls(const MessagingSettingsChanges& changes) {
  const ProviderHostAllowList allowed = allowed_provider_hosts();
  nlohmann::json fields = nlohmann::json::object();
  const auto check = [&](const char* field, const std::optional<std::string>& url) {
    if (!url) return;
    const std::string refusal = refusal_before_lookup(*url, allowed);
    if (!refusal.empty()) fields[field] = refusal;
  };
  check("whatsapp_base_url", changes.whatsapp_base_url);
  if (changes.sms_base_url) check("sms_base_url", *changes.sms_base_url);
  if (fields.empty()) return;
  std::string names;
  for (auto it = fields.begin(); it != fields.end(); ++it) {
    names += names.empty() ? "" : ", ";
    names += it.key();
  }
  throw core::AppError(core::ErrorCode::kValidation, "invalid fields: " + names,
                       {{"fields", fields}});
}

}  // namespace

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
  check_provider_urls(changes);
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
