#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

inline constexpr std::string_view kDefaultWhatsappBaseUrl = "https://graph.facebook.com";
inline constexpr std::string_view kDefaultWhatsappApiVersion = "v23.0";

// A shop's messaging configuration (shop_messaging_settings). Secrets live here in memory and
// in the database only; JSON shows whether each is set, never its value.
struct MessagingSettings {
  std::int64_t shop_id = 0;
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
  std::string webhook_key;  // from shops.webhook_key

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
};

}  // namespace rx::messaging
