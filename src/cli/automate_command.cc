#include "automation/daily_jobs.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "core/error.h"
#include "core/time_zone.h"
#include "storage/migrations.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace rx::cli {

// `rxtrack automate --db URL [--now ISO-INSTANT]`: one pass of the daily automatic jobs (the
// reassignment of stale contacts and of those held by staff away or deactivated), then exit,
// printing {"shops","stale","away","deactivated","kept"}. A shop's jobs run once per shop-local
// day, whichever server or command runs them first. --now pins the clock (tests, catching up).
Action add_automate_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  auto now = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "automate", "Run one pass of the daily automatic jobs (reassign contacts) and exit");
  add_db_option(*cmd, *url);
  cmd->add_option("--now", *now, "the instant to run as, e.g. 2026-11-25T10:30:00+05:30");
  return [url, now] {
    return run_reporting_errors([&] {
      core::SystemClock system_clock;
      const std::unique_ptr<core::Clock> command_time = command_clock(*now);
      const core::Clock& clock = *command_time;
      auto db = storage::open_database(*url, 2);
      storage::migrate(*db, system_clock.now_ms());
      const automation::DailyJobCounts counts = automation::DailyJobs(*db, clock).run();
      const nlohmann::json summary = {{"shops", counts.shops},
                                      {"stale", counts.stale},
                                      {"away", counts.away},
                                      {"deactivated", counts.deactivated},
                                      {"kept", counts.kept}};
      std::printf("%s\n", summary.dump().c_str());
      db->close();
      return 0;
    });
  };
}

}  // namespace rx::cli
