#include "messaging/messaging_settings_service.h"

#include "core/error.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/provider_http.h"
#include "messaging/provider_url.h"

#include <iterator>
#include <utility>

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

// 422 when two of the quick-reply payloads, as they will be after `changes`, are the same: a tap
// on either button could not be told apart.
void check_distinct_reply_payloads(const MessagingSettings& before,
                                   const MessagingSettingsChanges& changes) {
  const auto after = [](const std::optional<std::optional<std::string>>& change,
                        const std::optional<std::string>& stored) {
    return change ? *change : stored;
  };
  const std::pair<const char*, std::optional<std::string>> payloads[] = {
      {"reply_payload_keep_ready",
       after(changes.reply_payload_keep_ready, before.reply_payload_keep_ready)},
      {"reply_payload_already_bought",
       after(changes.reply_payload_already_bought, before.reply_payload_already_bought)},
      {"reply_payload_stop", after(changes.reply_payload_stop, before.reply_payload_stop)}};
  for (std::size_t i = 0; i < std::size(payloads); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (payloads[i].second && payloads[i].second == payloads[j].second) {
        throw core::AppError(
            core::ErrorCode::kValidation, "the quick-reply payloads must differ",
            {{"fields",
              {{payloads[i].first, std::string("must differ from ") + payloads[j].first}}}});
      }
    }
  }
}

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
  db_.with_connection([&](storage::Connection& c) {
    found = MessagingSettingsRepository::find(c, core::ShopId(actor.shop_id));
  });
  if (!found) core::throw_not_found("shop");
  return as_of(*found, clock_.now_ms());
}

MessagingSettings MessagingSettingsService::update(const auth::Principal& actor,
                                                   const MessagingSettingsChanges& changes) {
  check_provider_urls(changes);
  MessagingSettings result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    auto before = MessagingSettingsRepository::find(c, core::ShopId(actor.shop_id));
    if (!before) core::throw_not_found("shop");
    const std::string start = changes.send_window_start.value_or(before->send_window_start);
    const std::string end = changes.send_window_end.value_or(before->send_window_end);
    if (start == end) {
      throw core::AppError(core::ErrorCode::kValidation, "the send window may not be empty",
                           {{"fields", {{"send_window_end", "must differ from the start"}}}});
    }
    check_distinct_reply_payloads(*before, changes);
    MessagingSettingsRepository::update(c, core::ShopId(actor.shop_id), changes, now);
    result = as_of(*MessagingSettingsRepository::find(c, core::ShopId(actor.shop_id)), now);
  });
  return result;
}

MessagingSettings MessagingSettingsService::rotate_webhook_key(const auth::Principal& actor,
                                                               WebhookChannel channel) {
  MessagingSettings result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    WebhookKeyRepository::rotate(c, core::ShopId(actor.shop_id), channel, now);
    auto after = MessagingSettingsRepository::find(c, core::ShopId(actor.shop_id));
    if (!after) core::throw_not_found("shop");
    result = as_of(*after, now);
  });
  return result;
}

}  // namespace rx::messaging
