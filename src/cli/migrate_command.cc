#include "cli/commands.h"
#include "core/clock.h"
#include "storage/migrations.h"

#include <cstdio>
#include <memory>

namespace rx::cli {

Action add_migrate_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("migrate", "Apply pending database migrations");
  add_db_option(*cmd, *url);
  return [url] {
    return run_reporting_errors([&] {
      auto db = storage::open_database(*url, 1);
      storage::MigrationReport report = storage::migrate(*db, core::SystemClock().now_ms());
      std::printf("schema at version %d (%zu applied now)\n", report.current_version,
                  report.applied.size());
      return 0;
    });
  };
}

}  // namespace rx::cli
