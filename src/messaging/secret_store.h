#pragma once

#include "core/secret_box.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>

namespace rx::messaging {

// The key that seals a shop's provider secrets (WhatsApp access token, app secret and verify
// token; the MSG91 auth key) in shop_messaging_settings. Installed once at start-up, before any
// other thread runs; read-only afterwards.
void install_secret_key(const core::SecretKey& key);
// nullptr until a key is installed.
const core::SecretKey* installed_secret_key();

// The key a process uses: the file named by `key_file` (--secret-key-file, or
// RXTRACK_SECRET_KEY_FILE), which must exist; otherwise, for SQLite, "<database file>.key",
// created with mode 0600 on first run. PostgreSQL without a key file is refused with an
// AppError that says how to make one. Key file problems (missing, group- or world-readable, not a
// key) are AppErrors naming the file.
core::SecretKey load_secret_key(const std::string& key_file, const std::string& db_url);

// Seals every provider secret still stored as plain text (written before secrets were
// encrypted), in one transaction. Values already sealed are left alone, so it may run on every
// start. Returns how many values it sealed.
int seal_plain_secrets(storage::Database& db, const core::SecretKey& key);

// Seals every stored provider secret with `new_key` instead of `old_key`, in one transaction.
// A value that `old_key` cannot open but `new_key` can is left as it is (a second run after an
// interrupted one); one neither opens aborts everything with an AppError naming the shop and
// the column. Plain-text values are sealed with `new_key`. Returns how many values it wrote.
int reseal_secrets(storage::Database& db, const core::SecretKey& old_key,
                   const core::SecretKey& new_key);

// What a process that sends or receives messages does after the migrations: installs `key`,
// seals plain-text secrets, and gives shops made before migration 0013 their webhook keys
// (WebhookKeyRepository::add_missing_keys). Safe to run on every start.
void start_messaging_storage(storage::Database& db, const core::SecretKey& key,
                             std::int64_t now_ms);

}  // namespace rx::messaging
