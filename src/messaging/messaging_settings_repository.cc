#include "messaging/messaging_settings_repository.h"

#include "core/error.h"
#include "core/secret_box.h"
#include "messaging/secret_store.h"
#include "messaging/webhook_key_repository.h"
#include "storage/conditions.h"

#include <nlohmann/json.hpp>

namespace rx::messaging {
namespace {

// LEFT JOIN: a shop made before its settings row existed still answers with the defaults.
constexpr std::string_view kSelect = R"(
SELECT s.id, m.shop_id, m.whatsapp_base_url, m.whatsapp_api_version,
       m.whatsapp_phone_number_id, m.whatsapp_access_token, m.whatsapp_app_secret,
       m.whatsapp_verify_token, m.whatsapp_template_refill, m.whatsapp_template_language,
       m.sms_base_url, m.sms_auth_key, m.sms_template_id, m.sms_sender, m.send_window_start,
       m.send_window_end, m.include_medicine_names, m.opt_out_keywords, m.whatsapp_price_paise,
       m.sms_price_paise
FROM shops s LEFT JOIN shop_messaging_settings m ON m.shop_id = s.id)";

constexpr std::string_view kEnsureRow =
    "INSERT INTO shop_messaging_settings (shop_id, updated_at) VALUES (?, ?) "
    "ON CONFLICT (shop_id) DO NOTHING";

// A stored secret in plain text: sealed values are opened with the installed key; a value the
// key cannot open (or any sealed value when no key is installed) is listed as unreadable. A
// value stored in plain text (before secrets were sealed; sealed on the next start) is read as
// it is.
std::optional<std::string> open_stored(const storage::Value& cell, const char* column,
                                       MessagingSettings& s) {
  std::optional<std::string> stored = cell.as_opt_text();
  if (!stored || !core::is_sealed(*stored)) return stored;
  if (const core::SecretKey* key = installed_secret_key()) {
    if (auto plain = core::open_secret(*key, *stored)) return plain;
  }
  s.unreadable_secrets.emplace_back(column);
  return std::nullopt;
}

// The value to store for a secret's change: sealed with the installed key.
std::optional<std::optional<std::string>> sealed_change(
    const std::optional<std::optional<std::string>>& change) {
  if (!change || !*change) return change;
  const core::SecretKey* key = installed_secret_key();
  if (!key) {
    throw core::AppError(core::ErrorCode::kInternal, "no secret key is installed to seal secrets");
  }
  return std::optional<std::string>(core::seal_secret(*key, **change));
}

MessagingSettings settings_from_row(const storage::Row& r) {
  MessagingSettings s;
  s.shop_id = r.int_at(0);
  if (r[1].is_null()) return s;
  s.whatsapp_base_url = r.text_at(2);
  s.whatsapp_api_version = r.text_at(3);
  s.whatsapp_phone_number_id = r[4].as_opt_text();
  s.whatsapp_access_token = open_stored(r[5], "whatsapp_access_token", s);
  s.whatsapp_app_secret = open_stored(r[6], "whatsapp_app_secret", s);
  s.whatsapp_verify_token = open_stored(r[7], "whatsapp_verify_token", s);
  s.whatsapp_template_refill = r[8].as_opt_text();
  s.whatsapp_template_language = r[9].as_opt_text();
  s.sms_base_url = r[10].as_opt_text();
  s.sms_auth_key = open_stored(r[11], "sms_auth_key", s);
  s.sms_template_id = r[12].as_opt_text();
  s.sms_sender = r[13].as_opt_text();
  s.send_window_start = r.text_at(14);
  s.send_window_end = r.text_at(15);
  s.include_medicine_names = r.bool_at(16);
  s.opt_out_keywords = parse_keywords(r.text_at(17));
  s.whatsapp_price_paise = r[18].as_opt_int();
  s.sms_price_paise = r[19].as_opt_int();
  return s;
}

}  // namespace

std::vector<std::string> parse_keywords(const std::string& stored) {
  std::vector<std::string> out;
  if (stored.empty()) return out;
  nlohmann::json list = nlohmann::json::parse(stored, nullptr, false);
  if (!list.is_array()) return out;
  for (const auto& item : list) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::string store_keywords(const std::vector<std::string>& keywords) {
  return keywords.empty() ? std::string() : nlohmann::json(keywords).dump();
}

std::optional<MessagingSettings> MessagingSettingsRepository::find(storage::Connection& c,
                                                                   std::int64_t shop_id) {
  auto row = c.query_one(std::string(kSelect) + " WHERE s.id = ?", {shop_id});
  if (!row) return std::nullopt;
  MessagingSettings s = settings_from_row(*row);
  const ChannelWebhookKey whatsapp =
      WebhookKeyRepository::find(c, shop_id, WebhookChannel::kWhatsapp);
  const ChannelWebhookKey sms = WebhookKeyRepository::find(c, shop_id, WebhookChannel::kSms);
  s.whatsapp_webhook_key = whatsapp.key;
  s.whatsapp_previous_key_expires_ms = whatsapp.previous_expires_at_ms;
  s.sms_webhook_key = sms.key;
  s.sms_previous_key_expires_ms = sms.previous_expires_at_ms;
  return s;
}

void MessagingSettingsRepository::update(storage::Connection& c, std::int64_t shop_id,
                                         const MessagingSettingsChanges& ch, std::int64_t now_ms) {
  c.query(kEnsureRow, {shop_id, now_ms});
  storage::Assignments a;
  a.set_if("whatsapp_base_url", ch.whatsapp_base_url);
  a.set_if("whatsapp_api_version", ch.whatsapp_api_version);
  a.set_if("whatsapp_phone_number_id", ch.whatsapp_phone_number_id);
  a.set_if("whatsapp_access_token", sealed_change(ch.whatsapp_access_token));
  a.set_if("whatsapp_app_secret", sealed_change(ch.whatsapp_app_secret));
  a.set_if("whatsapp_verify_token", sealed_change(ch.whatsapp_verify_token));
  a.set_if("whatsapp_template_refill", ch.whatsapp_template_refill);
  a.set_if("whatsapp_template_language", ch.whatsapp_template_language);
  a.set_if("sms_base_url", ch.sms_base_url);
  a.set_if("sms_auth_key", sealed_change(ch.sms_auth_key));
  a.set_if("sms_template_id", ch.sms_template_id);
  a.set_if("sms_sender", ch.sms_sender);
  a.set_if("send_window_start", ch.send_window_start);
  a.set_if("send_window_end", ch.send_window_end);
  a.set_if("include_medicine_names", ch.include_medicine_names);
  if (ch.opt_out_keywords) a.set("opt_out_keywords", store_keywords(*ch.opt_out_keywords));
  a.set_if("whatsapp_price_paise", ch.whatsapp_price_paise);
  a.set_if("sms_price_paise", ch.sms_price_paise);
  a.set("updated_at", now_ms);
  c.query("UPDATE shop_messaging_settings SET " + a.sql() + " WHERE shop_id = ?",
          a.params_with({shop_id}));
}

int MessagingSettingsRepository::rewrite_secrets(storage::Connection& c,
                                                 const SecretRewrite& rewrite) {
  static constexpr std::string_view kSecretColumns[] = {
      "whatsapp_access_token", "whatsapp_app_secret", "whatsapp_verify_token", "sms_auth_key"};
  int replaced = 0;
  for (const std::string_view column : kSecretColumns) {
    const std::string name(column);
    const storage::ResultSet rows =
        c.query("SELECT shop_id, " + name + " FROM shop_messaging_settings WHERE " + name +
                " IS NOT NULL ORDER BY shop_id");
    for (const storage::Row& row : rows.rows) {
      const std::int64_t shop_id = row.int_at(0);
      const std::optional<std::string> replacement = rewrite(shop_id, column, row.text_at(1));
      if (!replacement) continue;
      c.query("UPDATE shop_messaging_settings SET " + name + " = ? WHERE shop_id = ?",
              {*replacement, shop_id});
      ++replaced;
    }
  }
  return replaced;
}

}  // namespace rx::messaging
