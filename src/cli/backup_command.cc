#include "backup/postgres_backup.h"
#include "backup/sqlite_backup.h"
#include "cli/commands.h"
#include "core/error.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace rx::cli {
namespace {

bool is_sqlite(const std::string& url) { return url.rfind("sqlite:", 0) == 0; }
bool is_postgres(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

void check_scheme(const std::string& url) {
  if (!is_sqlite(url) && !is_postgres(url)) {
    throw core::AppError(core::ErrorCode::kValidation,
                         "database URL must start with sqlite: or postgresql://");
  }
}

void print(const backup::BackupReport& report, const std::string& verb) {
  nlohmann::json out = {{verb, report.file},
                        {"engine", report.engine},
                        {"bytes", report.bytes},
                        {"check", report.check}};
  if (report.schema_version > 0) out["schema_version"] = report.schema_version;
  std::printf("%s\n", out.dump().c_str());
}

}  // namespace

Action add_backup_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "backup", "Back up the database while rxtrack runs (SQLite online backup, or pg_dump)");
  add_db_option(*cmd, *url);
  cmd->add_option("--to", *to, "the backup file to write")->required();
  return [url, to] {
    return run_reporting_errors([&] {
      check_scheme(*url);
      print(is_sqlite(*url) ? backup::backup_sqlite(url->substr(7), *to)
                            : backup::backup_postgres(*url, *to),
            "backup");
      return 0;
    });
  };
}

Action add_restore_command(CLI::App& app) {
  auto url = std::make_shared<std::string>();
  auto from = std::make_shared<std::string>();
  auto force = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "restore", "Replace the database with a backup (stop every rxtrack using it first)");
  add_db_option(*cmd, *url);
  cmd->add_option("--from", *from, "the backup file to restore")->required();
  cmd->add_flag("--force", *force, "restore even while the database is in use");
  return [url, from, force] {
    return run_reporting_errors([&] {
      check_scheme(*url);
      print(is_sqlite(*url) ? backup::restore_sqlite(url->substr(7), *from, *force)
                            : backup::restore_postgres(*url, *from, *force),
            "restored_from");
      return 0;
    });
  };
}

}  // namespace rx::cli
