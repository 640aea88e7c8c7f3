#include "app/demo_data.h"
#include "cli/commands.h"
#include "core/clock.h"
#include "storage/migrations.h"

#include <cstdio>
#include <memory>

namespace rx::cli {

Action add_demo_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("demo", "Fill a demo shop with staff and 90 days of activity");
  add_db_option(*cmd, *url);
  return [url] {
    return run_reporting_errors([&] {
      core::SystemClock clock;
      auto db = storage::open_database(*url, 2);
      storage::migrate(*db, clock.now_ms());
      app::DemoSummary summary = app::fill_demo_shop(*db, clock);
      std::printf("Demo shop \"%s\" (id %lld) is ready.\n", summary.shop_name.c_str(),
                  static_cast<long long>(summary.shop_id));
      std::printf("Sign in with any of these (password: %s):\n", summary.password.c_str());
      for (const auto& [role, email] : summary.sign_ins) {
        std::printf("  %-8s %s\n", role.c_str(), email.c_str());
      }
      return 0;
    });
  };
}

}  // namespace rx::cli
