#pragma once

#include "core/error.h"

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

}  // namespace rx::storage
