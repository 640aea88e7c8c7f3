#include "contacts/import_outcome.h"

#include "core/error.h"

namespace rx::contacts {

std::string_view format_name(import::FileFormat format) {
  switch (format) {
    case import::FileFormat::kXlsx:
      return "xlsx";
    case import::FileFormat::kXls:
      return "xls";
    case import::FileFormat::kDelimitedText:
      return "text";
  }
  return "text";
}

void throw_import_failure(const import::ImportFailure& failure) {
  const core::ErrorCode code = failure.kind == import::ImportFailure::Kind::kUnsupportedFormat
                                   ? core::ErrorCode::kUnsupportedMediaType
                                   : core::ErrorCode::kValidation;
  throw core::AppError(code, failure.message, {{"fields", {{failure.field, failure.message}}}});
}

}  // namespace rx::contacts
