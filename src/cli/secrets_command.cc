#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"
#include "messaging/secret_store.h"
#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <stdexcept>

namespace rx::cli {
namespace {

struct RotateKeyArgs {
  std::string db_url;
  std::string old_key_file;
  std::string new_key_file;
};

core::SecretKey key_from(const std::string& path, bool create) {
  try {
    return create ? core::create_or_read_key_file(path) : core::read_key_file(path);
  } catch (const std::runtime_error& e) {
    throw core::AppError(core::ErrorCode::kValidation, e.what());
  }
}

}  // namespace

// `rxtrack secrets rotate-key --db URL --old-key-file OLD --new-key-file NEW`: seals every
// provider secret again with the key in NEW (created with mode 0600 when missing), in one
// transaction; prints {"resealed":N}. Stop every rxtrack using the database first, then start
// them with NEW (for SQLite's default key, move NEW to <database>.key).
Action add_secrets_command(CLI::App& app) {
  auto args = std::make_shared<RotateKeyArgs>();
  CLI::App* secrets = app.add_subcommand("secrets", "Manage the key sealing provider secrets");
  secrets->require_subcommand(1);
  CLI::App* rotate = secrets->add_subcommand(
      "rotate-key", "Seal every shop's provider secrets with a new key (servers stopped)");
  add_db_option(*rotate, args->db_url);
  rotate->add_option("--old-key-file", args->old_key_file, "the key the secrets are sealed with")
      ->required();
  rotate
      ->add_option("--new-key-file", args->new_key_file,
                   "the new key (a fresh key is written there when the file does not exist)")
      ->required();
  return [args] {
    return run_reporting_errors([&] {
      if (args->old_key_file == args->new_key_file) {
        throw core::AppError(core::ErrorCode::kValidation,
                             "--new-key-file must name another file than --old-key-file");
      }
      const core::SecretKey old_key = key_from(args->old_key_file, false);
      const core::SecretKey new_key = key_from(args->new_key_file, true);
      core::SystemClock clock;
      auto db = storage::open_database(args->db_url, 1);
      storage::migrate(*db, clock.now_ms());
      const int resealed = messaging::reseal_secrets(*db, old_key, new_key);
      std::printf("%s\n", nlohmann::json({{"resealed", resealed}}).dump().c_str());
      db->close();
      return 0;
    });
  };
}

}  // namespace rx::cli
