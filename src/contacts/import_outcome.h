#pragma once

#include <string_view>

#include "import/import_types.h"

namespace rx::contacts {

// "xlsx", "xls" or "text", as uploads record a file's format.
std::string_view format_name(import::FileFormat format);

// A file the readers refused, as the API's error: always throws, AppError(kUnsupportedMediaType)
// for a file that is not a spreadsheet, else AppError(kValidation) naming the form field at
// fault ("file", or an override such as "phone_column").
[[noreturn]] void throw_import_failure(const import::ImportFailure& failure);

}  // namespace rx::contacts
