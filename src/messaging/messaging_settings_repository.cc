#include "messaging/messaging_settings_repository.h"

#include "core/error.h"
#include "core/secret_box.h"
#include "messaging/secret_store.h"
#include "messaging/webhook_key_repository.h"
#include "storage/conditions.h"
#include "storage/table.h"

#include <nlohmann/json.hpp>

namespace rx::messaging {
namespace {

using storage::column;

// What decides between the defaults and the stored row: the shop, and the settings row's shop
// (NULL when the shop has no settings row yet).
struct RowHead {
  std::int64_t shop_id = 0;
  std::optional<std::int64_t> settings_shop_id;
};
constexpr storage::Table kHeadColumns(column("s.id", &RowHead::shop_id),
                                      column("m.shop_id", &RowHead::settings_shop_id));

// The columns read as they are stored.
constexpr storage::Table kPlainColumns(
    column("whatsapp_base_url", &MessagingSettings::whatsapp_base_url),
    column("whatsapp_api_version", &MessagingSettings::whatsapp_api_version),
    column("whatsapp_phone_number_id", &MessagingSettings::whatsapp_phone_number_id),
    column("whatsapp_template_refill", &MessagingSettings::whatsapp_template_refill),
    column("whatsapp_template_language", &MessagingSettings::whatsapp_template_language),
    column("sms_base_url", &MessagingSettings::sms_base_url),
    column("sms_template_id", &MessagingSettings::sms_template_id),
    column("sms_sender", &MessagingSettings::sms_sender),
    column("send_window_start", &MessagingSettings::send_window_start),
    column("send_window_end", &MessagingSettings::send_window_end),
    column("include_medicine_names", &MessagingSettings::include_medicine_names),
    column("whatsapp_price_paise", &MessagingSettings::whatsapp_price_paise),
    column("sms_price_paise", &MessagingSettings::sms_price_paise),
    column("reply_payload_keep_ready", &MessagingSettings::reply_payload_keep_ready),
    column("reply_payload_already_bought", &MessagingSettings::reply_payload_already_bought),
    column("reply_payload_stop", &MessagingSettings::reply_payload_stop));

// The columns that are opened or parsed on the way out: the sealed secrets (in the order
// unreadable_secrets lists them) and the opt-out keywords.
struct StoredColumns {
  std::optional<std::string> whatsapp_access_token;
  std::optional<std::string> whatsapp_app_secret;
  std::optional<std::string> whatsapp_verify_token;
  std::optional<std::string> sms_auth_key;
  std::optional<std::string> opt_out_keywords;
};
constexpr storage::Table kStoredColumns(
    column("whatsapp_access_token", &StoredColumns::whatsapp_access_token),
    column("whatsapp_app_secret", &StoredColumns::whatsapp_app_secret),
    column("whatsapp_verify_token", &StoredColumns::whatsapp_verify_token),
    column("sms_auth_key", &StoredColumns::sms_auth_key),
    column("opt_out_keywords", &StoredColumns::opt_out_keywords));

// LEFT JOIN: a shop made before its settings row existed still answers with the defaults.
const std::string& select_sql() {
  static const std::string sql = "SELECT " + kHeadColumns.select_list() + ", " +
                                 kPlainColumns.select_list("m.") + ", " +
                                 kStoredColumns.select_list("m.") +
                                 " FROM shops s LEFT JOIN shop_messaging_settings m ON "
                                 "m.shop_id = s.id WHERE s.id = ?";
  return sql;
}

constexpr std::string_view kEnsureRow =
    "INSERT INTO shop_messaging_settings (shop_id, updated_at) VALUES (?, ?) "
    "ON CONFLICT (shop_id) DO NOTHING";

// A stored secret in plain text: sealed values are opened with the installed key; a value the
// key cannot open (or any sealed value when no key is installed) is listed as unreadable. A
// value stored in plain text (before secrets were sealed; sealed on the next start) is read as
// it is.
std::optional<std::string> open_stored(std::optional<std::string> stored, const char* column,
                                       MessagingSettings& s) {
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

MessagingSettings settings_from_row(const storage::RowView& r) {
  MessagingSettings s;
  const RowHead head = kHeadColumns.read(r);
  s.shop_id = core::ShopId(head.shop_id);
  if (!head.settings_shop_id) return s;
  std::size_t next = kHeadColumns.size();
  kPlainColumns.read_into(s, r, next);
  next += kPlainColumns.size();
  StoredColumns stored = kStoredColumns.read(r, next);
  s.whatsapp_access_token =
      open_stored(std::move(stored.whatsapp_access_token), "whatsapp_access_token", s);
  s.whatsapp_app_secret =
      open_stored(std::move(stored.whatsapp_app_secret), "whatsapp_app_secret", s);
  s.whatsapp_verify_token =
      open_stored(std::move(stored.whatsapp_verify_token), "whatsapp_verify_token", s);
  s.sms_auth_key = open_stored(std::move(stored.sms_auth_key), "sms_auth_key", s);
  s.opt_out_keywords = parse_keywords(stored.opt_out_keywords.value_or(""));
  return s;
}

// One stored secret of one shop.
struct StoredSecret {
  std::int64_t shop_id = 0;
  std::string value;
};

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
                                                                   core::ShopId shop) {
  auto found = storage::first_row_as(c, select_sql(), {shop.value()}, settings_from_row);
  if (!found) return std::nullopt;
  MessagingSettings& s = *found;
  const ChannelWebhookKey whatsapp = WebhookKeyRepository::find(c, shop, WebhookChannel::kWhatsapp);
  const ChannelWebhookKey sms = WebhookKeyRepository::find(c, shop, WebhookChannel::kSms);
  s.whatsapp_webhook_key = whatsapp.key;
  s.whatsapp_previous_key_expires_ms = whatsapp.previous_expires_at_ms;
  s.sms_webhook_key = sms.key;
  s.sms_previous_key_expires_ms = sms.previous_expires_at_ms;
  return found;
}

void MessagingSettingsRepository::update(storage::Connection& c, core::ShopId shop,
                                         const MessagingSettingsChanges& ch, std::int64_t now_ms) {
  c.query(kEnsureRow, {shop.value(), now_ms});
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
  a.set_if("reply_payload_keep_ready", ch.reply_payload_keep_ready);
  a.set_if("reply_payload_already_bought", ch.reply_payload_already_bought);
  a.set_if("reply_payload_stop", ch.reply_payload_stop);
  a.set("updated_at", now_ms);
  c.query("UPDATE shop_messaging_settings SET " + a.sql() + " WHERE shop_id = ?",
          a.params_with({shop.value()}));
}

int MessagingSettingsRepository::rewrite_secrets(storage::Connection& c,
                                                 const SecretRewrite& rewrite) {
  static constexpr std::string_view kSecretColumns[] = {
      "whatsapp_access_token", "whatsapp_app_secret", "whatsapp_verify_token", "sms_auth_key"};
  int replaced = 0;
  for (const std::string_view column_name : kSecretColumns) {
    const std::string name(column_name);
    // The column is chosen at run time, so its description is made here.
    const storage::Table secret_columns(column("shop_id", &StoredSecret::shop_id),
                                        column(column_name, &StoredSecret::value));
    const std::vector<StoredSecret> stored = storage::rows_as(
        c,
        "SELECT " + secret_columns.select_list() + " FROM shop_messaging_settings WHERE " + name +
            " IS NOT NULL ORDER BY shop_id",
        {}, [&](const storage::RowView& r) { return secret_columns.read(r); });
    for (const StoredSecret& secret : stored) {
      const std::optional<std::string> replacement =
          rewrite(secret.shop_id, column_name, secret.value);
      if (!replacement) continue;
      c.query("UPDATE shop_messaging_settings SET " + name + " = ? WHERE shop_id = ?",
              {*replacement, secret.shop_id});
      ++replaced;
    }
  }
  return replaced;
}

}  // namespace rx::messaging
