#pragma once

#include <libpq-fe.h>

#include <string>

namespace rx::storage {

// Runs `sql` on the PostgreSQL server at `admin_url` (CREATE or DROP DATABASE for a test's own
// database); true when it succeeded.
inline bool run_admin(const std::string& admin_url, const std::string& sql) {
  PGconn* conn = PQconnectdb(admin_url.c_str());
  PGresult* r = PQexec(conn, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  PQclear(r);
  PQfinish(conn);
  return ok;
}

// Creates database `name` on that server: its URL, or "" when it could not be created.
inline std::string create_pg_database(const std::string& admin_url, const std::string& name) {
  if (!run_admin(admin_url, "CREATE DATABASE " + name)) return {};
  return admin_url.substr(0, admin_url.rfind('/') + 1) + name;
}

}  // namespace rx::storage
