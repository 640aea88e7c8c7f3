#pragma once

#include "core/error.h"

#include <string>
#include <string_view>

namespace rx::storage {

// The one place where engine-specific failures become service error codes, so that the same
// mistake answers the same way on both engines (a unique violation is 409 on SQLite and on
// PostgreSQL alike).
core::ErrorCode error_code_for_sqlite(int extended_result_code);
core::ErrorCode error_code_for_sqlstate(std::string_view sqlstate);
std::string_view public_message_for(core::ErrorCode code);
// The same for SQLite, where the result code tells a full disk from a busy database.
std::string_view public_message_for_sqlite(int extended_result_code);

// The fields of a PostgreSQL error report (libpq's PQresultErrorField; empty when absent).
struct PostgresErrorFields {
  std::string_view sqlstate;
  std::string_view primary;     // PG_DIAG_MESSAGE_PRIMARY
  std::string_view constraint;  // PG_DIAG_CONSTRAINT_NAME
  std::string_view table;
  std::string_view column;
};
// What the log may hold of a PostgreSQL error: its SQLSTATE and the names of the schema objects
// involved, never a stored value. The detail (`Key (shop_id, phone)=(1, +9198...) already
// exists`, `Failing row contains (...)`) and the context (a COPY's line and value) are left
// out; so is the primary message of data and integrity errors (classes 22 and 23) and of errors
// raised by functions (P0), which can quote a value (`invalid input syntax for type bigint:
// "..."`).
std::string loggable_postgres_error(const PostgresErrorFields& error);

}  // namespace rx::storage
