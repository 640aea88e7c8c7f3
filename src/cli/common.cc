#include "cli/commands.h"

#include "core/error.h"

#include <cstdio>

namespace rx::cli {

CLI::Option* add_db_option(CLI::App& command, std::string& url) {
  url = "sqlite:data/rxtrack.db";
  return command.add_option("--db", url, "sqlite:PATH or postgresql://user:pass@host:port/db")
      ->envname("RXTRACK_DB")
      ->capture_default_str();
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
