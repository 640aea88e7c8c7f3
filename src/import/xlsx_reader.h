#pragma once

#include <tl/expected.hpp>

#include <string_view>

#include "import/contact_sink.h"
#include "import/import_types.h"
#include "import/sheet_choice.h"
#include "phone/phone_normalizer.h"

namespace rx::import {

// An .xlsx read from memory: libzip over the bytes, expat streaming over the inflated parts,
// at most 200 MB inflated in all. Reads the first worksheet, in workbook order, with a phone
// column.
tl::expected<ParseSummary, ImportFailure> read_xlsx(std::string_view bytes,
                                                    const phone::PhoneNormalizer& normalizer,
                                                    ContactSink& sink,
                                                    const ReadOptions& options = {});

}  // namespace rx::import
