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

}  // namespace rx::storage
