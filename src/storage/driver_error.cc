#include "storage/driver_error.h"

#include <sqlite3.h>

namespace rx::storage {

using core::ErrorCode;

ErrorCode error_code_for_sqlite(int code) {
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return ErrorCode::kConflict;
    case SQLITE_CONSTRAINT_FOREIGNKEY:
    case SQLITE_CONSTRAINT_NOTNULL:
    case SQLITE_CONSTRAINT_CHECK:
      return ErrorCode::kValidation;
    default:
      break;
  }
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return ErrorCode::kUnavailable;
    case SQLITE_CONSTRAINT:
      return ErrorCode::kValidation;
    default:
      return ErrorCode::kInternal;
  }
}

ErrorCode error_code_for_sqlstate(std::string_view state) {
  if (state == "23505") return ErrorCode::kConflict;  // unique_violation
  if (state == "23503" || state == "23502" || state == "23514") return ErrorCode::kValidation;
  if (state.substr(0, 2) == "22") return ErrorCode::kValidation;  // data exception
  if (state.substr(0, 2) == "08" || state.substr(0, 2) == "53" || state.substr(0, 2) == "57" ||
      state == "40001" || state == "40P01") {
    return ErrorCode::kUnavailable;  // connection, resources, shutdown, serialization
  }
  return ErrorCode::kInternal;
}

std::string_view public_message_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::kConflict:
      return "a record with the same key already exists";
    case ErrorCode::kValidation:
      return "a value was refused by the database";
    case ErrorCode::kUnavailable:
      return "the database is busy or unavailable; try again";
    default:
      return "internal database error";
  }
}

std::string_view public_message_for_sqlite(int code) {
  switch (code & 0xff) {
    case SQLITE_FULL:
      return "the database is full (no space left on its disk); nothing was saved";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return "the database is busy; try again";
    case SQLITE_IOERR:
      return "the database could not read or write its file; nothing was saved";
    case SQLITE_READONLY:
      return "the database is read-only; nothing was saved";
    default:
      return public_message_for(error_code_for_sqlite(code));
  }
}

std::string loggable_postgres_error(const PostgresErrorFields& error) {
  std::string out = "sqlstate ";
  out.append(error.sqlstate.empty() ? "unknown" : error.sqlstate);
  const auto add = [&out](std::string_view label, std::string_view value) {
    if (!value.empty()) out.append(", ").append(label).append(" ").append(value);
  };
  add("constraint", error.constraint);
  add("table", error.table);
  add("column", error.column);
  const std::string_view group = error.sqlstate.substr(0, 2);
  const bool may_quote_values = group == "22" || group == "23" || group == "P0";
  if (!may_quote_values) add("message", error.primary);
  return out;
}

}  // namespace rx::storage
