#include "messaging/webhook_key_repository.h"

#include "auth/password_hasher.h"
#include "messaging/webhook_signature.h"

namespace rx::messaging {
namespace {

constexpr std::size_t kKeyBytes = 16;  // 32 hex characters in the URL

constexpr std::string_view kInsert =
    "INSERT INTO shop_webhook_keys (shop_id, channel, key_digest, webhook_key, created_at, "
    "retired_at) VALUES (?, ?, ?, ?, ?, ?)";

void insert_key(storage::Connection& c, std::int64_t shop_id, WebhookChannel channel,
                const std::string& key, std::int64_t now_ms,
                std::optional<std::int64_t> retired_at) {
  c.query(kInsert, {shop_id, channel_name(channel), auth::token_digest(key), key, now_ms,
                    storage::Value(retired_at)});
}

}  // namespace

std::string_view channel_name(WebhookChannel channel) {
  return channel == WebhookChannel::kWhatsapp ? "whatsapp" : "sms";
}

std::optional<WebhookChannel> webhook_channel_named(std::string_view name) {
  if (name == "whatsapp") return WebhookChannel::kWhatsapp;
  if (name == "sms") return WebhookChannel::kSms;
  return std::nullopt;
}

std::optional<std::int64_t> WebhookKeyRepository::shop_for_key(storage::Connection& c,
                                                               WebhookChannel channel,
                                                               const std::string& key,
                                                               std::int64_t now_ms) {
  auto row = c.query_one(
      "SELECT shop_id, webhook_key, retired_at FROM shop_webhook_keys "
      "WHERE channel = ? AND key_digest = ?",
      {channel_name(channel), auth::token_digest(key)});
  if (!row || !same_secret(row->text_at(1), key)) return std::nullopt;
  const std::optional<std::int64_t> retired_at = (*row)[2].as_opt_int();
  if (retired_at && *retired_at + kPreviousWebhookKeyLifetimeMs <= now_ms) return std::nullopt;
  return row->int_at(0);
}

ChannelWebhookKey WebhookKeyRepository::find(storage::Connection& c, std::int64_t shop_id,
                                             WebhookChannel channel) {
  ChannelWebhookKey out;
  const storage::ResultSet rows = c.query(
      "SELECT webhook_key, retired_at FROM shop_webhook_keys WHERE shop_id = ? AND channel = ?",
      {shop_id, channel_name(channel)});
  for (const storage::Row& row : rows.rows) {
    const std::optional<std::int64_t> retired_at = row[1].as_opt_int();
    if (!retired_at) {
      out.key = row.text_at(0);
    } else {
      out.previous_expires_at_ms = *retired_at + kPreviousWebhookKeyLifetimeMs;
    }
  }
  return out;
}

void WebhookKeyRepository::insert_new_shop_keys(storage::Connection& c, std::int64_t shop_id,
                                                const std::string& whatsapp_key,
                                                std::int64_t now_ms) {
  insert_key(c, shop_id, WebhookChannel::kWhatsapp, whatsapp_key, now_ms, std::nullopt);
  insert_key(c, shop_id, WebhookChannel::kSms, auth::random_key(kKeyBytes), now_ms, std::nullopt);
}

std::string WebhookKeyRepository::rotate(storage::Connection& c, std::int64_t shop_id,
                                         WebhookChannel channel, std::int64_t now_ms) {
  const std::string name(channel_name(channel));
  c.query(
      "DELETE FROM shop_webhook_keys WHERE shop_id = ? AND channel = ? AND retired_at IS NOT NULL",
      {shop_id, name});
  c.query(
      "UPDATE shop_webhook_keys SET retired_at = ? "
      "WHERE shop_id = ? AND channel = ? AND retired_at IS NULL",
      {now_ms, shop_id, name});
  const std::string key = auth::random_key(kKeyBytes);
  insert_key(c, shop_id, channel, key, now_ms, std::nullopt);
  return key;
}

int WebhookKeyRepository::add_missing_keys(storage::Connection& c, std::int64_t now_ms) {
  const storage::ResultSet shops = c.query(
      "SELECT s.id, s.webhook_key FROM shops s WHERE NOT EXISTS "
      "(SELECT 1 FROM shop_webhook_keys k WHERE k.shop_id = s.id)");
  for (const storage::Row& shop : shops.rows) {
    const std::int64_t shop_id = shop.int_at(0);
    const std::string shared = shop.text_at(1);
    insert_key(c, shop_id, WebhookChannel::kWhatsapp, shared, now_ms, std::nullopt);
    insert_key(c, shop_id, WebhookChannel::kSms, auth::random_key(kKeyBytes), now_ms, std::nullopt);
    insert_key(c, shop_id, WebhookChannel::kSms, shared, now_ms, now_ms);
  }
  return static_cast<int>(shops.rows.size());
}

}  // namespace rx::messaging
