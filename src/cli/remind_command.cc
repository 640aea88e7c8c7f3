#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "messaging/outbox_sender.h"
#include "messaging/provider_http.h"
#include "messaging/remind_pass.h"
#include "messaging/secret_store.h"
#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>
#include <vector>

namespace rx::cli {

// `rxtrack remind --db URL [--now ISO-INSTANT] [--secret-key-file PATH]
// [--allow-provider-host HOST[:PORT]]...`: one pass of the reminder scheduler, then exit,
// printing {"queued","awaiting_approval","expired","sent","failed","skipped"}. --now pins the clock
// (tests, catching up); the secret key file and allowed provider hosts are as for `serve`.
Action add_remind_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  auto now = std::make_shared<std::string>();
  auto key_file = std::make_shared<std::string>();
  auto allowed_provider_hosts = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand(
      "remind", "Run one pass of the reminder scheduler (queue and send due messages) and exit");
  add_db_option(*cmd, *url);
  cmd->add_option("--now", *now, "the instant to run as, e.g. 2026-11-25T10:30:00+05:30");
  cmd->add_option("--secret-key-file", *key_file,
                  "key sealing the shops' provider secrets (as for serve)")
      ->envname("RXTRACK_SECRET_KEY_FILE");
  cmd->add_option("--allow-provider-host", *allowed_provider_hosts,
                  "HOST[:PORT] a messaging provider URL may name even inside this network, "
                  "over http too (repeatable)")
      ->envname("RXTRACK_ALLOW_PROVIDER_HOSTS");
  return [url, now, key_file, allowed_provider_hosts] {
    return run_reporting_errors([&] {
      messaging::set_allowed_provider_hosts(
          messaging::ProviderHostAllowList::parse(*allowed_provider_hosts));
      core::SystemClock system_clock;
      const std::unique_ptr<core::Clock> command_time = command_clock(*now);
      const core::Clock& clock = *command_time;
      const core::SecretKey secret_key = messaging::load_secret_key(*key_file, *url);
      auto db = storage::open_database(*url, 2);
      storage::migrate(*db, system_clock.now_ms());
      messaging::start_messaging_storage(*db, secret_key, system_clock.now_ms());
      messaging::RemindPass pass(*db, clock, messaging::make_worker_name());
      const messaging::PassCounts counts = pass.run();
      const nlohmann::json summary = {
          {"queued", counts.queued},   {"awaiting_approval", counts.awaiting_approval},
          {"expired", counts.expired}, {"sent", counts.sent},
          {"failed", counts.failed},   {"skipped", counts.skipped}};
      std::printf("%s\n", summary.dump().c_str());
      db->close();
      return 0;
    });
  };
}

}  // namespace rx::cli
