// rxtrack: customer tracking for retail pharmacies. One binary: `serve` and admin subcommands.
#include "cli/commands.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <map>

int main(int argc, char** argv) {
  // Logs go to stderr; stdout carries only what a command prints for people and scripts.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("rxtrack"));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %l %v");

  CLI::App app{"rxtrack: customer tracking for retail pharmacies"};
  app.require_subcommand(1);
  std::map<std::string, rx::cli::Action> actions = {
      {"serve", rx::cli::add_serve_command(app)},
      {"migrate", rx::cli::add_migrate_command(app)},
      {"shop", rx::cli::add_shop_command(app)},
      {"demo", rx::cli::add_demo_command(app)},
      {"import", rx::cli::add_import_command(app)},
      {"remind", rx::cli::add_remind_command(app)},
      {"insights", rx::cli::add_insights_command(app)},
      {"automate", rx::cli::add_automate_command(app)},
      {"backup", rx::cli::add_backup_command(app)},
      {"restore", rx::cli::add_restore_command(app)},
      {"secrets", rx::cli::add_secrets_command(app)},
  };
  CLI11_PARSE(app, argc, argv);
  for (const CLI::App* command : app.get_subcommands()) {
    auto it = actions.find(command->get_name());
    if (it != actions.end()) return it->second();
  }
  return 1;
}
