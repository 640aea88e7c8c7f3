#pragma once

#include <tl/expected.hpp>

#include <string_view>

#include "import/contact_sink.h"
#include "import/import_types.h"
#include "import/sheet_choice.h"
#include "phone/phone_normalizer.h"

namespace rx::import {

// CSV, TSV or TXT: encoding and delimiter detected, then one record at a time.
tl::expected<ParseSummary, ImportFailure> read_delimited_text(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer, ContactSink& sink,
    const ReadOptions& options = {});

}  // namespace rx::import
