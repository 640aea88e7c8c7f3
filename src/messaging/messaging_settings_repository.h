#pragma once

#include "core/strong_id.h"
#include "messaging/messaging_settings.h"
#include "storage/database.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace rx::messaging {

// SQL for shop_messaging_settings (with the shop's webhook keys). Scoped by shop_id. Secrets
// are sealed on the way in and opened on the way out with the installed key (secret_store.h).
// Database failures are thrown as core::AppError with the codes of storage/driver_error.h.
class MessagingSettingsRepository {
 public:
  // The shop's settings; defaults when the shop has no settings row yet. nullopt: no such shop.
  // A previous webhook key's expiry is given even when it has passed (the reader compares it
  // with its clock).
  static std::optional<MessagingSettings> find(storage::Connection& c, core::ShopId shop);
  // Throws AppError(kInternal) when a secret is to be stored and no secret key is installed.
  static void update(storage::Connection& c, core::ShopId shop,
                     const MessagingSettingsChanges& changes, std::int64_t now_ms);

  // Every stored provider secret of every shop, as stored (sealed or, from an older rxtrack,
  // plain), offered to `rewrite`, which answers the value to store instead or nullopt to leave
  // it; throwing leaves the caller's transaction to roll back. Answers how many were replaced.
  // For start-up and key rotation only: it reads every shop.
  using SecretRewrite = std::function<std::optional<std::string>(
      std::int64_t shop_id, std::string_view column, const std::string& stored)>;
  static int rewrite_secrets(storage::Connection& c, const SecretRewrite& rewrite);
};

// opt_out_keywords are stored as a JSON array of strings ('' for none).
std::vector<std::string> parse_keywords(const std::string& stored);
std::string store_keywords(const std::vector<std::string>& keywords);

}  // namespace rx::messaging
