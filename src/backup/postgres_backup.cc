#include "backup/postgres_backup.h"

#include "backup/child_process.h"
#include "core/error.h"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <thread>

namespace rx::backup {
namespace {

using core::AppError;
using core::ErrorCode;
namespace fs = std::filesystem;

constexpr int kSessionWaitSteps = 20;  // of 100 ms

struct Connection {
  std::map<std::string, std::string> environment;  // PGHOST, PGPASSWORD...
  std::string dbname;
};

// The URL as libpq's environment variables, so that the tools' command lines carry no password.
Connection connection_for(const std::string& url) {
  char* error = nullptr;
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> parsed(
      PQconninfoParse(url.c_str(), &error), &PQconninfoFree);
  if (!parsed) {
    std::string message = error ? error : "out of memory";
    PQfreemem(error);
    throw AppError(ErrorCode::kValidation, fmt::format("not a PostgreSQL URL: {}", message));
  }
  std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> defaults(PQconndefaults(),
                                                                        &PQconninfoFree);
  std::map<std::string, std::string> variable_of;
  for (auto* o = defaults.get(); o && o->keyword; ++o) {
    if (o->envvar) variable_of[o->keyword] = o->envvar;
  }
  Connection out;
  for (auto* o = parsed.get(); o->keyword; ++o) {
    if (!o->val || !*o->val) continue;
    if (std::string(o->keyword) == "dbname") out.dbname = o->val;
    auto it = variable_of.find(o->keyword);
    if (it != variable_of.end()) out.environment[it->second] = o->val;
  }
  if (out.dbname.empty()) throw AppError(ErrorCode::kValidation, "the URL names no database");
  return out;
}

std::string tool(const std::string& name) {
  auto path = find_on_path(name);
  if (!path) {
    throw AppError(ErrorCode::kUnavailable,
                   fmt::format("{} was not found on PATH; install the PostgreSQL client tools "
                               "(Debian: apt-get install postgresql-client) of the server's "
                               "major version or newer",
                               name));
  }
  return *path;
}

void run_tool(const std::string& name, const std::vector<std::string>& args,
              const Connection& connection) {
  ChildResult result = run_child(tool(name), args, connection.environment);
  if (result.exit_code != 0) {
    throw AppError(ErrorCode::kUnavailable,
                   fmt::format("{} failed (exit {})", name, result.exit_code),
                   {{"output", result.error_output.substr(0, 4000)}});
  }
}

std::int64_t other_sessions(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  std::unique_ptr<PGconn, decltype(&PQfinish)> guard(conn, &PQfinish);
  if (PQstatus(conn) != CONNECTION_OK) {
    throw AppError(ErrorCode::kUnavailable,
                   fmt::format("cannot connect to the database: {}", PQerrorMessage(conn)));
  }
  std::unique_ptr<PGresult, decltype(&PQclear)> result(
      PQexec(conn,
             "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() "
             "AND pid <> pg_backend_pid()"),
      &PQclear);
  if (PQresultStatus(result.get()) != PGRES_TUPLES_OK) {
    throw AppError(ErrorCode::kUnavailable,
                   fmt::format("cannot list the database's sessions: {}", PQerrorMessage(conn)));
  }
  return std::stoll(PQgetvalue(result.get(), 0, 0));
}

}  // namespace

BackupReport backup_postgres(const std::string& url, const std::string& to_file) {
  const Connection connection = connection_for(url);
  const fs::path target(to_file);
  if (target.has_parent_path()) fs::create_directories(target.parent_path());
  const fs::path partial = fs::path(target).concat(fmt::format(".partial-{}", ::getpid()));
  try {
    run_tool("pg_dump",
             {"--format=custom", "--no-password", "--file=" + partial.string(),
              "--dbname=" + connection.dbname},
             connection);
    // The archive's table of contents reads back: the file is whole.
    run_tool("pg_restore", {"--list", "--file=/dev/null", partial.string()}, connection);
    fs::rename(partial, target);
  } catch (...) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    throw;
  }
  BackupReport report;
  report.engine = "postgresql";
  report.file = to_file;
  report.bytes = fs::file_size(target);
  report.check = "pg_restore --list ok";
  return report;
}

BackupReport restore_postgres(const std::string& url, const std::string& from_file, bool force) {
  if (!fs::is_regular_file(from_file)) {
    throw AppError(ErrorCode::kNotFound, fmt::format("no backup at {}", from_file));
  }
  const Connection connection = connection_for(url);
  if (!force) {
    // Sessions of a server that has just stopped take a moment to leave pg_stat_activity.
    std::int64_t sessions = other_sessions(url);
    for (int wait = 0; sessions > 0 && wait < kSessionWaitSteps; ++wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      sessions = other_sessions(url);
    }
    if (sessions > 0) {
      throw AppError(ErrorCode::kConflict,
                     fmt::format("{} other session(s) are connected to the database; stop every "
                                 "rxtrack first (or pass --force)",
                                 sessions));
    }
  }
  run_tool("pg_restore",
           {"--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error",
            "--no-password", "--dbname=" + connection.dbname, from_file},
           connection);
  BackupReport report;
  report.engine = "postgresql";
  report.file = from_file;
  report.bytes = fs::file_size(from_file);
  report.check = "pg_restore in one transaction ok";
  return report;
}

}  // namespace rx::backup
