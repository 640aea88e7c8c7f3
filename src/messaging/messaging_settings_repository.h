#pragma once

#include "messaging/messaging_settings.h"
#include "storage/database.h"

#include <optional>
#include <string>

namespace rx::messaging {

// SQL for shop_messaging_settings (with the shop's webhook_key). Scoped by shop_id.
class MessagingSettingsRepository {
 public:
  // The shop's settings; defaults when the shop has no settings row yet. nullopt: no such shop.
  static std::optional<MessagingSettings> find(storage::Connection& c, std::int64_t shop_id);
  // The shop a webhook URL names; nullopt when no shop has the key.
  static std::optional<MessagingSettings> find_by_webhook_key(storage::Connection& c,
                                                              const std::string& webhook_key);
  static void update(storage::Connection& c, std::int64_t shop_id,
                     const MessagingSettingsChanges& changes, std::int64_t now_ms);
};

// opt_out_keywords are stored as a JSON array of strings ('' for none).
std::vector<std::string> parse_keywords(const std::string& stored);
std::string store_keywords(const std::vector<std::string>& keywords);

}  // namespace rx::messaging
