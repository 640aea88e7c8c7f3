#include "messaging/messaging_settings_json.h"

#include "core/json_fields.h"
#include "core/json_values.h"
#include "messaging/delivery_rules.h"

#include <algorithm>
#include <regex>

namespace rx::messaging {
namespace {

using core::FieldReader;
using core::Presence;

constexpr std::size_t kMaxKeywords = 20;
constexpr std::size_t kMaxKeywordLength = 40;
constexpr std::int64_t kMaxPricePaise = 100000000;
constexpr std::size_t kMaxReplyPayloadLength = 256;

bool is_http_url(const std::string& text) {
  static const std::regex kUrl(R"(https?://[A-Za-z0-9.\-]+(:[0-9]{1,5})?(/[^\s]*)?)");
  return std::regex_match(text, kUrl);
}

// Present-but-null (or empty text) clears; a value sets; absent leaves alone.
std::optional<std::optional<std::string>> clearable(FieldReader& fields, const nlohmann::json& body,
                                                    const char* name, std::size_t max) {
  if (!body.contains(name)) return std::nullopt;
  auto value = fields.text(name, Presence::kOptional, max);
  if (!value || value->empty()) return std::optional<std::string>();
  return value;
}

std::optional<std::optional<std::string>> clearable_url(FieldReader& fields,
                                                        const nlohmann::json& body,
                                                        const char* name) {
  auto value = clearable(fields, body, name, 300);
  if (value && *value) {
    while ((*value)->size() > 1 && (*value)->back() == '/') (*value)->pop_back();
    if (!is_http_url(**value)) fields.fail(name, "must be an http:// or https:// URL");
  }
  return value;
}

// A field that always has a value: null is refused.
std::optional<std::string> required_text(FieldReader& fields, const nlohmann::json& body,
                                         const char* name, std::size_t max) {
  if (!body.contains(name)) return std::nullopt;
  if (body[name].is_null()) {
    fields.fail(name, "may not be null");
    return std::nullopt;
  }
  return fields.text(name, Presence::kRequired, max);
}

std::optional<std::optional<std::int64_t>> clearable_price(FieldReader& fields,
                                                           const nlohmann::json& body,
                                                           const char* name) {
  if (!body.contains(name)) return std::nullopt;
  if (body[name].is_null()) return std::optional<std::int64_t>();
  auto value = fields.integer(name, Presence::kRequired, 0, kMaxPricePaise);
  if (!value) return std::nullopt;
  return std::optional<std::int64_t>(*value);
}

std::optional<std::vector<std::string>> keywords(FieldReader& fields, const nlohmann::json& body) {
  if (!body.contains("opt_out_keywords")) return std::nullopt;
  const nlohmann::json& list = body["opt_out_keywords"];
  if (list.is_null()) return std::vector<std::string>();
  std::vector<std::string> out;
  bool ok = list.is_array() && list.size() <= kMaxKeywords;
  for (const auto& item : ok ? list : nlohmann::json::array()) {
    std::string keyword = item.is_string() ? core::folded_key(item.get<std::string>()) : "";
    if (keyword.empty() || keyword.size() > kMaxKeywordLength) {
      ok = false;
      break;
    }
    if (std::find(out.begin(), out.end(), keyword) == out.end()) out.push_back(keyword);
  }
  if (!ok) {
    fields.fail("opt_out_keywords", "must be a list of up to 20 words of at most 40 characters");
    return std::nullopt;
  }
  return out;
}

}  // namespace

std::string webhook_url_path(const std::string& webhook_key) {
  std::string path = "/api/webhooks/whatsapp/";
  path += webhook_key;
  return path;
}

std::string sms_webhook_url_path(const std::string& webhook_key) {
  std::string path = "/api/webhooks/sms/";
  path += webhook_key;
  return path;
}

nlohmann::json to_json(const MessagingSettings& s, SettingsView view, std::string_view time_zone) {
  using core::nullable;
  const auto is_set = [&s](const std::optional<std::string>& value, const char* column) {
    return value.has_value() || std::find(s.unreadable_secrets.begin(), s.unreadable_secrets.end(),
                                          column) != s.unreadable_secrets.end();
  };
  nlohmann::json out = {
      {"whatsapp_base_url", s.whatsapp_base_url},
      {"whatsapp_api_version", s.whatsapp_api_version},
      {"whatsapp_phone_number_id", nullable(s.whatsapp_phone_number_id)},
      {"whatsapp_access_token_set", is_set(s.whatsapp_access_token, "whatsapp_access_token")},
      {"whatsapp_app_secret_set", is_set(s.whatsapp_app_secret, "whatsapp_app_secret")},
      {"whatsapp_verify_token_set", is_set(s.whatsapp_verify_token, "whatsapp_verify_token")},
      {"whatsapp_template_refill", nullable(s.whatsapp_template_refill)},
      {"whatsapp_template_language", nullable(s.whatsapp_template_language)},
      {"sms_base_url", nullable(s.sms_base_url)},
      {"sms_auth_key_set", is_set(s.sms_auth_key, "sms_auth_key")},
      {"sms_template_id", nullable(s.sms_template_id)},
      {"sms_sender", nullable(s.sms_sender)},
      {"send_window_start", s.send_window_start},
      {"send_window_end", s.send_window_end},
      {"include_medicine_names", s.include_medicine_names},
      {"opt_out_keywords", s.opt_out_keywords},
      {"whatsapp_price_paise", nullable(s.whatsapp_price_paise)},
      {"sms_price_paise", nullable(s.sms_price_paise)},
      {"reply_payload_keep_ready", nullable(s.reply_payload_keep_ready)},
      {"reply_payload_already_bought", nullable(s.reply_payload_already_bought)},
      {"reply_payload_stop", nullable(s.reply_payload_stop)},
      {"secrets_status", s.secrets_readable() ? "readable" : "unreadable"},
      {"unreadable_secrets", s.unreadable_secrets},
      {"whatsapp_ready", s.whatsapp_ready()},
      {"sms_ready", s.sms_ready()}};
  if (view == SettingsView::kOwner) {
    out["webhook_key"] = s.whatsapp_webhook_key;
    out["webhook_url_path"] = webhook_url_path(s.whatsapp_webhook_key);
    out["webhook_previous_key_expires_at"] =
        core::nullable_instant(s.whatsapp_previous_key_expires_ms, time_zone);
    out["sms_webhook_key"] = s.sms_webhook_key;
    out["sms_webhook_url_path"] = sms_webhook_url_path(s.sms_webhook_key);
    out["sms_webhook_previous_key_expires_at"] =
        core::nullable_instant(s.sms_previous_key_expires_ms, time_zone);
  }
  return out;
}

MessagingSettingsChanges read_settings_changes(const nlohmann::json& body) {
  FieldReader fields(body);
  MessagingSettingsChanges ch;
  if (auto url = required_text(fields, body, "whatsapp_base_url", 300)) {
    while (url->size() > 1 && url->back() == '/') url->pop_back();
    if (is_http_url(*url)) {
      ch.whatsapp_base_url = *url;
    } else {
      fields.fail("whatsapp_base_url", "must be an http:// or https:// URL");
    }
  }
  if (auto version = required_text(fields, body, "whatsapp_api_version", 10)) {
    static const std::regex kVersion(R"(v[0-9]{1,3}(\.[0-9]{1,3})?)");
    if (std::regex_match(*version, kVersion)) {
      ch.whatsapp_api_version = *version;
    } else {
      fields.fail("whatsapp_api_version", "must look like v23.0");
    }
  }
  ch.whatsapp_phone_number_id = clearable(fields, body, "whatsapp_phone_number_id", 64);
  ch.whatsapp_access_token = clearable(fields, body, "whatsapp_access_token", 1000);
  ch.whatsapp_app_secret = clearable(fields, body, "whatsapp_app_secret", 200);
  ch.whatsapp_verify_token = clearable(fields, body, "whatsapp_verify_token", 200);
  ch.whatsapp_template_refill = clearable(fields, body, "whatsapp_template_refill", 512);
  ch.whatsapp_template_language = clearable(fields, body, "whatsapp_template_language", 15);
  ch.sms_base_url = clearable_url(fields, body, "sms_base_url");
  ch.sms_auth_key = clearable(fields, body, "sms_auth_key", 200);
  ch.sms_template_id = clearable(fields, body, "sms_template_id", 64);
  ch.sms_sender = clearable(fields, body, "sms_sender", 20);
  if (auto start = required_text(fields, body, "send_window_start", 5)) {
    if (parse_clock_time(*start, false)) {
      ch.send_window_start = *start;
    } else {
      fields.fail("send_window_start", "must be a time HH:MM");
    }
  }
  if (auto end = required_text(fields, body, "send_window_end", 5)) {
    if (parse_clock_time(*end, true)) {
      ch.send_window_end = *end;
    } else {
      fields.fail("send_window_end", "must be a time HH:MM (24:00 for midnight)");
    }
  }
  if (body.contains("include_medicine_names")) {
    ch.include_medicine_names = fields.boolean("include_medicine_names", Presence::kRequired);
  }
  ch.opt_out_keywords = keywords(fields, body);
  ch.whatsapp_price_paise = clearable_price(fields, body, "whatsapp_price_paise");
  ch.sms_price_paise = clearable_price(fields, body, "sms_price_paise");
  ch.reply_payload_keep_ready =
      clearable(fields, body, "reply_payload_keep_ready", kMaxReplyPayloadLength);
  ch.reply_payload_already_bought =
      clearable(fields, body, "reply_payload_already_bought", kMaxReplyPayloadLength);
  ch.reply_payload_stop = clearable(fields, body, "reply_payload_stop", kMaxReplyPayloadLength);
  fields.finish();
  return ch;
}

}  // namespace rx::messaging
