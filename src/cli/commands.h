#pragma once

#include "core/clock.h"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace rx::cli {

// Each admin subcommand registers itself on the app and returns the action to run when chosen.
using Action = std::function<int()>;

Action add_serve_command(CLI::App& app);
Action add_migrate_command(CLI::App& app);
Action add_shop_command(CLI::App& app);
Action add_demo_command(CLI::App& app);
Action add_import_command(CLI::App& app);
Action add_remind_command(CLI::App& app);
Action add_insights_command(CLI::App& app);
Action add_automate_command(CLI::App& app);
Action add_backup_command(CLI::App& app);
Action add_restore_command(CLI::App& app);
Action add_secrets_command(CLI::App& app);

// `--db URL` with the RXTRACK_DB environment variable and the embedded SQLite default.
CLI::Option* add_db_option(CLI::App& command, std::string& url);

// The instant an option such as `--now` names (RFC 3339 with an offset). Throws
// AppError(kValidation) naming `option` when the text is not one.
std::int64_t parse_instant_option(const std::string& text, std::string_view option);

// The clock a command runs on: the system's, or one pinned at `now` (a `--now` option's text)
// when it is not empty. Throws as parse_instant_option.
std::unique_ptr<core::Clock> command_clock(const std::string& now);

// Runs a command body, turning AppError into a message on stderr and exit code 1.
int run_reporting_errors(const std::function<int()>& body);

}  // namespace rx::cli
