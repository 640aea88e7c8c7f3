#pragma once

#include <tl/expected.hpp>

#include <string_view>

#include "import/contact_sink.h"
#include "import/import_types.h"
#include "import/sheet_choice.h"
#include "phone/phone_normalizer.h"

namespace rx::import {

// A legacy Excel 97-2003 workbook (.xls, BIFF8 in a compound file) read with libfreexl.
tl::expected<ParseSummary, ImportFailure> read_xls(std::string_view bytes,
                                                   const phone::PhoneNormalizer& normalizer,
                                                   ContactSink& sink,
                                                   const ReadOptions& options = {});

}  // namespace rx::import
