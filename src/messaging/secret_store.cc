#include "messaging/secret_store.h"

#include "core/error.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/webhook_key_repository.h"

#include <spdlog/spdlog.h>

#include <stdexcept>

namespace rx::messaging {
namespace {

std::optional<core::SecretKey> g_key;

[[noreturn]] void refuse(const std::string& why) {
  throw core::AppError(core::ErrorCode::kValidation, why);
}

}  // namespace

void install_secret_key(const core::SecretKey& key) { g_key = key; }

const core::SecretKey* installed_secret_key() { return g_key ? &*g_key : nullptr; }

core::SecretKey load_secret_key(const std::string& key_file, const std::string& db_url) {
  try {
    if (!key_file.empty()) return core::read_key_file(key_file);
    const std::string sqlite_prefix = "sqlite:";
    if (db_url.rfind(sqlite_prefix, 0) == 0) {
      const std::string path = db_url.substr(sqlite_prefix.size());
      if (path.empty() || path == ":memory:") {
        refuse("an in-memory SQLite database needs --secret-key-file");
      }
      return core::create_or_read_key_file(path + ".key");
    }
  } catch (const std::runtime_error& e) {
    refuse(e.what());
  }
  refuse(
      "PostgreSQL needs a secret key file for the shops' provider secrets: create one with "
      "(umask 077; openssl rand -hex 32 > /etc/rxtrack/secret.key) and pass "
      "--secret-key-file or set RXTRACK_SECRET_KEY_FILE");
}

int seal_plain_secrets(storage::Database& db, const core::SecretKey& key) {
  int sealed = 0;
  db.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    sealed = MessagingSettingsRepository::rewrite_secrets(c, [&](std::int64_t, std::string_view,
                                                                 const std::string& stored) {
      return core::is_sealed(stored) ? std::nullopt : std::optional(core::seal_secret(key, stored));
    });
  });
  return sealed;
}

int reseal_secrets(storage::Database& db, const core::SecretKey& old_key,
                   const core::SecretKey& new_key) {
  int written = 0;
  db.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    written = MessagingSettingsRepository::rewrite_secrets(
        c,
        [&](std::int64_t shop_id, std::string_view column,
            const std::string& stored) -> std::optional<std::string> {
          std::optional<std::string> plain;
          if (!core::is_sealed(stored)) {
            plain = stored;
          } else {
            plain = core::open_secret(old_key, stored);
            // Sealed with the new key already: a rotation run again after it finished.
            if (!plain && core::open_secret(new_key, stored)) return std::nullopt;
          }
          if (!plain) {
            throw core::AppError(core::ErrorCode::kConflict,
                                 "the old key cannot open " + std::string(column) + " of shop " +
                                     std::to_string(shop_id) + "; nothing was changed");
          }
          return core::seal_secret(new_key, *plain);
        });
  });
  return written;
}

void start_messaging_storage(storage::Database& db, const core::SecretKey& key,
                             std::int64_t now_ms) {
  install_secret_key(key);
  const int sealed = seal_plain_secrets(db, key);
  if (sealed > 0) spdlog::info("sealed {} provider secrets stored in plain text", sealed);
  int keyed = 0;
  db.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    keyed = WebhookKeyRepository::add_missing_keys(c, now_ms);
  });
  if (keyed > 0) spdlog::info("gave {} shops their own SMS webhook key", keyed);
}

}  // namespace rx::messaging
