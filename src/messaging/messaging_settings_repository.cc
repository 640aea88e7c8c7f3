#include "messaging/messaging_settings_repository.h"

#include "storage/conditions.h"

#include <nlohmann/json.hpp>

namespace rx::messaging {
namespace {

// LEFT JOIN: a shop made before its settings row existed still answers with the defaults.
constexpr std::string_view kSelect = R"(
SELECT s.id, s.webhook_key, m.shop_id, m.whatsapp_base_url, m.whatsapp_api_version,
       m.whatsapp_phone_number_id, m.whatsapp_access_token, m.whatsapp_app_secret,
       m.whatsapp_verify_token, m.whatsapp_template_refill, m.whatsapp_template_language,
       m.sms_base_url, m.sms_auth_key, m.sms_template_id, m.sms_sender, m.send_window_start,
       m.send_window_end, m.include_medicine_names, m.opt_out_keywords, m.whatsapp_price_paise,
       m.sms_price_paise
FROM shops s LEFT JOIN shop_messaging_settings m ON m.shop_id = s.id)";

constexpr std::string_view kEnsureRow =
    "INSERT INTO shop_messaging_settings (shop_id, updated_at) VALUES (?, ?) "
    "ON CONFLICT (shop_id) DO NOTHING";

MessagingSettings settings_from_row(const storage::Row& r) {
  MessagingSettings s;
  s.shop_id = r.int_at(0);
  s.webhook_key = r.text_at(1);
  if (r[2].is_null()) return s;
  s.whatsapp_base_url = r.text_at(3);
  s.whatsapp_api_version = r.text_at(4);
  s.whatsapp_phone_number_id = r[5].as_opt_text();
  s.whatsapp_access_token = r[6].as_opt_text();
  s.whatsapp_app_secret = r[7].as_opt_text();
  s.whatsapp_verify_token = r[8].as_opt_text();
  s.whatsapp_template_refill = r[9].as_opt_text();
  s.whatsapp_template_language = r[10].as_opt_text();
  s.sms_base_url = r[11].as_opt_text();
  s.sms_auth_key = r[12].as_opt_text();
  s.sms_template_id = r[13].as_opt_text();
  s.sms_sender = r[14].as_opt_text();
  s.send_window_start = r.text_at(15);
  s.send_window_end = r.text_at(16);
  s.include_medicine_names = r.bool_at(17);
  s.opt_out_keywords = parse_keywords(r.text_at(18));
  s.whatsapp_price_paise = r[19].as_opt_int();
  s.sms_price_paise = r[20].as_opt_int();
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
  return settings_from_row(*row);
}

std::optional<MessagingSettings> MessagingSettingsRepository::find_by_webhook_key(
    storage::Connection& c, const std::string& webhook_key) {
  auto row = c.query_one(std::string(kSelect) + " WHERE s.webhook_key = ?", {webhook_key});
  if (!row) return std::nullopt;
  return settings_from_row(*row);
}

void MessagingSettingsRepository::update(storage::Connection& c, std::int64_t shop_id,
                                         const MessagingSettingsChanges& ch, std::int64_t now_ms) {
  c.query(kEnsureRow, {shop_id, now_ms});
  storage::Assignments a;
  a.set_if("whatsapp_base_url", ch.whatsapp_base_url);
  a.set_if("whatsapp_api_version", ch.whatsapp_api_version);
  a.set_if("whatsapp_phone_number_id", ch.whatsapp_phone_number_id);
  a.set_if("whatsapp_access_token", ch.whatsapp_access_token);
  a.set_if("whatsapp_app_secret", ch.whatsapp_app_secret);
  a.set_if("whatsapp_verify_token", ch.whatsapp_verify_token);
  a.set_if("whatsapp_template_refill", ch.whatsapp_template_refill);
  a.set_if("whatsapp_template_language", ch.whatsapp_template_language);
  a.set_if("sms_base_url", ch.sms_base_url);
  a.set_if("sms_auth_key", ch.sms_auth_key);
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

}  // namespace rx::messaging
