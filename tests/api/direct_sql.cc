#include "direct_sql.h"

#include <libpq-fe.h>
#include <sqlite3.h>

#include <stdexcept>

namespace rx::test {
namespace {

void exec_postgres(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  PGresult* result = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, sql.c_str()) : nullptr;
  const bool ok = result && PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string message = PQerrorMessage(conn);
  PQclear(result);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("PostgreSQL: " + message);
}

void exec_sqlite(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path);
  }
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("SQLite: " + message);
}

std::string query_postgres(const std::string& url, const std::string& sql) {
  PGconn* conn = PQconnectdb(url.c_str());
  PGresult* result = PQstatus(conn) == CONNECTION_OK ? PQexec(conn, sql.c_str()) : nullptr;
  const bool ok = result && PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) > 0;
  const std::string value = ok ? PQgetvalue(result, 0, 0) : "";
  const std::string message = PQerrorMessage(conn);
  PQclear(result);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("PostgreSQL: no row: " + message);
  return value;
}

std::string query_sqlite(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + path);
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* statement = nullptr;
  std::string value;
  bool found = false;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    found = true;
    const unsigned char* text = sqlite3_column_text(statement, 0);
    if (text) value = reinterpret_cast<const char*>(text);
  }
  const std::string message = sqlite3_errmsg(db);
  sqlite3_finalize(statement);
  sqlite3_close(db);
  if (!found) throw std::runtime_error("SQLite: no row: " + message);
  return value;
}

}  // namespace

std::string query_text(const std::string& db_url, const std::string& sql) {
  const std::string sqlite_prefix = "sqlite:";
  if (db_url.rfind(sqlite_prefix, 0) == 0) {
    return query_sqlite(db_url.substr(sqlite_prefix.size()), sql);
  }
  return query_postgres(db_url, sql);
}

void exec_sql(const std::string& db_url, const std::string& sql) {
  const std::string sqlite_prefix = "sqlite:";
  if (db_url.rfind(sqlite_prefix, 0) == 0) {
    exec_sqlite(db_url.substr(sqlite_prefix.size()), sql);
  } else {
    exec_postgres(db_url, sql);
  }
}

}  // namespace rx::test
