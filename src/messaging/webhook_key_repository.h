#pragma once

#include "core/strong_id.h"
#include "messaging/message_channel.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::messaging {

// The public callbacks a shop has, one a channel, each named by a key of its own.
using WebhookChannel = MessageChannel;

// How long a rotated-out key is still accepted.
inline constexpr std::int64_t kPreviousWebhookKeyLifetimeMs = 24LL * 60 * 60 * 1000;

// A channel's current key, and when its previous key (if one is stored) stops or stopped being
// accepted.
struct ChannelWebhookKey {
  std::string key;
  std::optional<std::int64_t> previous_expires_at_ms;
};

// SQL for shop_webhook_keys: at most one current key and one previous key per shop and channel.
// Database failures are thrown as core::AppError with the codes of storage/driver_error.h.
class WebhookKeyRepository {
 public:
  // The shop whose current key for `channel` is `key`, or whose previous key it is and was
  // retired less than 24 hours before `now_ms`. Looked up by the key's digest and then compared
  // in constant time; a key of the other channel never matches.
  static std::optional<core::ShopId> shop_for_key(storage::Connection& c, WebhookChannel channel,
                                                  const std::string& key, std::int64_t now_ms);
  // The shop's key for `channel` ("" when it has none, which only a shop made before migration
  // 0013 has until add_missing_keys runs).
  static ChannelWebhookKey find(storage::Connection& c, core::ShopId shop, WebhookChannel channel);
  // The keys of a new shop: `whatsapp_key` for WhatsApp, a fresh key for SMS.
  static void insert_new_shop_keys(storage::Connection& c, core::ShopId shop,
                                   const std::string& whatsapp_key, std::int64_t now_ms);
  // Retires the current key (dropping any earlier retired key, so at most one old key is
  // accepted) and makes a fresh current key, which it answers.
  static std::string rotate(storage::Connection& c, core::ShopId shop, WebhookChannel channel,
                            std::int64_t now_ms);
  // Keys for shops made before migration 0013 (they have none): WhatsApp keeps the shared
  // shops.webhook_key, SMS gets a fresh key and keeps the shared key as its previous key, retired
  // at `now_ms`. Answers how many shops it gave keys.
  static int add_missing_keys(storage::Connection& c, std::int64_t now_ms);
};

}  // namespace rx::messaging
