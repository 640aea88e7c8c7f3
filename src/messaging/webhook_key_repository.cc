#include "messaging/webhook_key_repository.h"

#include "auth/password_hasher.h"
#include "messaging/webhook_signature.h"
#include "storage/table.h"

namespace rx::messaging {
namespace {

using storage::Codec;
using storage::column;

constexpr std::size_t kKeyBytes = 16;  // 32 hex characters in the URL

constexpr std::string_view kInsert =
    "INSERT INTO shop_webhook_keys (shop_id, channel, key_digest, webhook_key, created_at, "
    "retired_at) VALUES (?, ?, ?, ?, ?, ?)";

// One stored key: whose, which, and since when it is no longer current (nullopt: current).
struct StoredKey {
  core::ShopId shop;
  std::string key;
  std::optional<std::int64_t> retired_at;
};
constexpr storage::Table kKeyColumns(column("shop_id", &StoredKey::shop),
                                     column("webhook_key", &StoredKey::key),
                                     column("retired_at", &StoredKey::retired_at));

// A shop's id and its shared key of before migration 0013.
constexpr storage::Table kSharedKeyColumns(column("s.id", &StoredKey::shop),
                                           column("s.webhook_key", &StoredKey::key));

StoredKey key_from_row(const storage::RowView& r) { return kKeyColumns.read(r); }

void insert_key(storage::Connection& c, core::ShopId shop, WebhookChannel channel,
                const std::string& key, std::int64_t now_ms,
                std::optional<std::int64_t> retired_at) {
  c.query(kInsert, {shop.value(), Codec<WebhookChannel>::bind(channel), auth::token_digest(key),
                    key, now_ms, storage::Value(retired_at)});
}

}  // namespace

std::optional<core::ShopId> WebhookKeyRepository::shop_for_key(storage::Connection& c,
                                                               WebhookChannel channel,
                                                               const std::string& key,
                                                               std::int64_t now_ms) {
  static const std::string sql = "SELECT " + kKeyColumns.select_list() +
                                 " FROM shop_webhook_keys WHERE channel = ? AND key_digest = ?";
  const auto row = storage::first_row_as(
      c, sql, {Codec<WebhookChannel>::bind(channel), auth::token_digest(key)}, key_from_row);
  if (!row || !same_secret(row->key, key)) return std::nullopt;
  if (row->retired_at && *row->retired_at + kPreviousWebhookKeyLifetimeMs <= now_ms) {
    return std::nullopt;
  }
  return row->shop;
}

ChannelWebhookKey WebhookKeyRepository::find(storage::Connection& c, core::ShopId shop,
                                             WebhookChannel channel) {
  static const std::string sql = "SELECT " + kKeyColumns.select_list() +
                                 " FROM shop_webhook_keys WHERE shop_id = ? AND channel = ?";
  ChannelWebhookKey out;
  for (const StoredKey& stored : storage::rows_as(
           c, sql, {shop.value(), Codec<WebhookChannel>::bind(channel)}, key_from_row)) {
    if (!stored.retired_at) {
      out.key = stored.key;
    } else {
      out.previous_expires_at_ms = *stored.retired_at + kPreviousWebhookKeyLifetimeMs;
    }
  }
  return out;
}

void WebhookKeyRepository::insert_new_shop_keys(storage::Connection& c, core::ShopId shop,
                                                const std::string& whatsapp_key,
                                                std::int64_t now_ms) {
  insert_key(c, shop, WebhookChannel::kWhatsapp, whatsapp_key, now_ms, std::nullopt);
  insert_key(c, shop, WebhookChannel::kSms, auth::random_key(kKeyBytes), now_ms, std::nullopt);
}

std::string WebhookKeyRepository::rotate(storage::Connection& c, core::ShopId shop,
                                         WebhookChannel channel, std::int64_t now_ms) {
  const storage::Value name = Codec<WebhookChannel>::bind(channel);
  c.query(
      "DELETE FROM shop_webhook_keys WHERE shop_id = ? AND channel = ? AND retired_at IS NOT NULL",
      {shop.value(), name});
  c.query(
      "UPDATE shop_webhook_keys SET retired_at = ? "
      "WHERE shop_id = ? AND channel = ? AND retired_at IS NULL",
      {now_ms, shop.value(), name});
  const std::string key = auth::random_key(kKeyBytes);
  insert_key(c, shop, channel, key, now_ms, std::nullopt);
  return key;
}

int WebhookKeyRepository::add_missing_keys(storage::Connection& c, std::int64_t now_ms) {
  static const std::string sql = "SELECT " + kSharedKeyColumns.select_list() +
                                 " FROM shops s WHERE NOT EXISTS "
                                 "(SELECT 1 FROM shop_webhook_keys k WHERE k.shop_id = s.id)";
  const std::vector<StoredKey> shops = storage::rows_as(
      c, sql, {}, [](const storage::RowView& r) { return kSharedKeyColumns.read(r); });
  for (const StoredKey& shop : shops) {
    insert_key(c, shop.shop, WebhookChannel::kWhatsapp, shop.key, now_ms, std::nullopt);
    insert_key(c, shop.shop, WebhookChannel::kSms, auth::random_key(kKeyBytes), now_ms,
               std::nullopt);
    insert_key(c, shop.shop, WebhookChannel::kSms, shop.key, now_ms, now_ms);
  }
  return static_cast<int>(shops.size());
}

}  // namespace rx::messaging
