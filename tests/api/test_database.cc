#include "test_database.h"

#include "test_server.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <memory>
#include <stdexcept>

namespace rx::test {
namespace {

SqlResult run_sqlite(const std::string& path, const std::string& sql) {
  SqlResult out;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    out.error = db ? sqlite3_errmsg(db) : "cannot open";
    sqlite3_close(db);
    return out;
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_exec(db, "PRAGMA foreign_keys=ON", nullptr, nullptr, nullptr);
  char* error = nullptr;
  const int rc = sqlite3_exec(
      db, sql.c_str(),
      [](void* target, int columns, char** values, char**) {
        auto* rows = static_cast<std::vector<std::vector<std::string>>*>(target);
        std::vector<std::string> row;
        for (int i = 0; i < columns; ++i) row.emplace_back(values[i] ? values[i] : "");
        rows->push_back(std::move(row));
        return 0;
      },
      &out.rows, &error);
  out.ok = rc == SQLITE_OK;
  if (error) {
    out.error = error;
    sqlite3_free(error);
  }
  sqlite3_close(db);
  return out;
}

SqlResult run_postgres(const std::string& url, const std::string& sql) {
  SqlResult out;
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) {
    out.error = PQerrorMessage(conn.get());
    return out;
  }
  PQsetNoticeProcessor(
      conn.get(), [](void*, const char*) {}, nullptr);
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
  const ExecStatusType status = PQresultStatus(result.get());
  out.ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  if (!out.ok) out.error = PQerrorMessage(conn.get());
  for (int r = 0; r < PQntuples(result.get()); ++r) {
    std::vector<std::string> row;
    for (int c = 0; c < PQnfields(result.get()); ++c)
      row.emplace_back(PQgetvalue(result.get(), r, c));
    out.rows.push_back(std::move(row));
  }
  return out;
}

}  // namespace

SqlResult run_sql(const std::string& db_url, const std::string& sql) {
  const std::string path = sqlite_path(db_url);
  return path.empty() ? run_postgres(db_url, sql) : run_sqlite(path, sql);
}

std::string sql_scalar(const std::string& db_url, const std::string& sql) {
  SqlResult result = run_sql(db_url, sql);
  if (!result.ok) throw std::runtime_error(sql + ": " + result.error);
  if (result.rows.empty() || result.rows.front().empty()) return "";
  return result.rows.front().front();
}

long long sql_count(const std::string& db_url, const std::string& sql) {
  return std::stoll("0" + sql_scalar(db_url, sql));
}

}  // namespace rx::test
