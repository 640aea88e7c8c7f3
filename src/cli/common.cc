#include "cli/commands.h"

#include "core/error.h"
#include "core/time_zone.h"

#include <cstdio>

namespace rx::cli {

CLI::Option* add_db_option(CLI::App& command, std::string& url) {
  url = "sqlite:data/rxtrack.db";
  return command.add_option("--db", url, "sqlite:PATH or postgresql://user:pass@host:port/db")
      ->envname("RXTRACK_DB")
      ->capture_default_str();
}

std::int64_t parse_instant_option(const std::string& text, std::string_view option) {
  const auto instant = core::parse_instant(text, "UTC");
  if (!instant) {
    throw core::AppError(
        core::ErrorCode::kValidation,
        std::string(option) + " must be an instant like 2026-11-25T10:30:00+05:30");
  }
  return *instant;
}

std::unique_ptr<core::Clock> command_clock(const std::string& now) {
  if (now.empty()) return std::make_unique<core::SystemClock>();
  return std::make_unique<core::ManualClock>(parse_instant_option(now, "--now"));
}

int run_reporting_errors(const std::function<int()>& body) {
  try {
    return body();
  } catch (const core::AppError& e) {
    std::fprintf(stderr, "rxtrack: %s (%s)\n", e.what(),
                 std::string(core::error_code_name(e.code())).c_str());
    if (!e.details().is_null()) std::fprintf(stderr, "%s\n", e.details().dump().c_str());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rxtrack: %s\n", e.what());
    return 1;
  }
}

}  // namespace rx::cli
