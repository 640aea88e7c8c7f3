#pragma once

#include <httplib.h>

#include <optional>

#include "http/request_context.h"
#include "import/sheet_choice.h"

namespace rx::contacts {

// The overrides of an upload's multipart form: `sheet` (name or 1-based number), `header_row`
// (1-based; 0: none), `phone_column` and `name_column` (header text, column letter or 1-based
// number; name_column "none": no name column). Empty fields count as absent. One 422 names
// every field that is malformed (AppError(kValidation)); whether they fit the file is the
// reader's to say.
rx::import::SheetChoice read_sheet_choice(const httplib::Request& request);

// ?preview=1 (or true): answer a preview instead of importing; 0, false or absent: import.
// Anything else throws AppError(kValidation) naming `preview` (wants_counts: `counts`).
bool wants_preview(const http::RequestContext& ctx);

// A preview's ?counts=0 (or false): stop reading after the rows shown, without counts.
bool wants_counts(const http::RequestContext& ctx);

}  // namespace rx::contacts
