#pragma once

#include "core/strong_id.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

inline constexpr std::string_view kDefaultWhatsappBaseUrl = "https://graph.facebook.com";
inline constexpr std::string_view kDefaultWhatsappApiVersion = "v23.0";

// A shop's messaging configuration (shop_messaging_settings). Secrets are plain here, in memory
// only: the database holds them sealed with the process's secret key (secret_store.h), and JSON
// shows whether each is set, never its value. A secret the key cannot open is left empty here
// and named in unreadable_secrets.
struct MessagingSettings {
  core::ShopId shop_id;
  std::string whatsapp_base_url = std::string(kDefaultWhatsappBaseUrl);
  std::string whatsapp_api_version = std::string(kDefaultWhatsappApiVersion);
  std::optional<std::string> whatsapp_phone_number_id;
  std::optional<std::string> whatsapp_access_token;
  std::optional<std::string> whatsapp_app_secret;
  std::optional<std::string> whatsapp_verify_token;
  std::optional<std::string> whatsapp_template_refill;
  std::optional<std::string> whatsapp_template_language;
  std::optional<std::string> sms_base_url;
  std::optional<std::string> sms_auth_key;
  std::optional<std::string> sms_template_id;
  std::optional<std::string> sms_sender;
  std::string send_window_start = "09:00";
  std::string send_window_end = "20:00";
  bool include_medicine_names = false;
  std::vector<std::string> opt_out_keywords;  // lower-cased, trimmed
  std::optional<std::int64_t> whatsapp_price_paise;
  std::optional<std::int64_t> sms_price_paise;
  // The payloads of the refill template's quick-reply buttons, in button order (reply_buttons).
  std::optional<std::string> reply_payload_keep_ready;
  std::optional<std::string> reply_payload_already_bought;
  std::optional<std::string> reply_payload_stop;
  // The current key of each public callback (shop_webhook_keys), and when the channel's
  // previous key stops being accepted (nullopt: no previous key is accepted any more).
  std::string whatsapp_webhook_key;
  std::string sms_webhook_key;
  std::optional<std::int64_t> whatsapp_previous_key_expires_ms;
  std::optional<std::int64_t> sms_previous_key_expires_ms;
  // The secret columns ("whatsapp_access_token", ...) holding a value this process's key cannot
  // open (a database moved without its key file). Messaging is not sent while any is listed.
  std::vector<std::string> unreadable_secrets;

  bool secrets_readable() const { return unreadable_secrets.empty(); }

  // Everything a WhatsApp template message needs.
  bool whatsapp_ready() const {
    return whatsapp_phone_number_id && whatsapp_access_token && whatsapp_template_refill &&
           whatsapp_template_language;
  }
  // Everything an MSG91 flow SMS needs (the sender is optional: the flow may carry it).
  bool sms_ready() const { return sms_base_url && sms_auth_key && sms_template_id; }
};

// A partial update. Absent: unchanged. A nested optional holding nullopt: cleared.
struct MessagingSettingsChanges {
  std::optional<std::string> whatsapp_base_url;
  std::optional<std::string> whatsapp_api_version;
  std::optional<std::optional<std::string>> whatsapp_phone_number_id;
  std::optional<std::optional<std::string>> whatsapp_access_token;
  std::optional<std::optional<std::string>> whatsapp_app_secret;
  std::optional<std::optional<std::string>> whatsapp_verify_token;
  std::optional<std::optional<std::string>> whatsapp_template_refill;
  std::optional<std::optional<std::string>> whatsapp_template_language;
  std::optional<std::optional<std::string>> sms_base_url;
  std::optional<std::optional<std::string>> sms_auth_key;
  std::optional<std::optional<std::string>> sms_template_id;
  std::optional<std::optional<std::string>> sms_sender;
  std::optional<std::string> send_window_start;
  std::optional<std::string> send_window_end;
  std::optional<bool> include_medicine_names;
  std::optional<std::vector<std::string>> opt_out_keywords;
  std::optional<std::optional<std::int64_t>> whatsapp_price_paise;
  std::optional<std::optional<std::int64_t>> sms_price_paise;
  std::optional<std::optional<std::string>> reply_payload_keep_ready;
  std::optional<std::optional<std::string>> reply_payload_already_bought;
  std::optional<std::optional<std::string>> reply_payload_stop;
};

}  // namespace rx::messaging
