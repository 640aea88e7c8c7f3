#include "import/contact_sheet.h"

#include "import/delimited_reader.h"
#include "import/format_detector.h"
#include "import/xls_reader.h"
#include "import/xlsx_reader.h"

namespace rx::import {

tl::expected<ParseSummary, ImportFailure> parse_contact_sheet(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer, ContactSink& sink,
    const ReadOptions& options) {
  if (bytes.empty()) {
    return refused(ImportFailure::Kind::kMalformed, "The file is empty.");
  }
  const Sniffed sniffed = sniff_format(bytes);
  if (sniffed.known_other) {
    return refused(ImportFailure::Kind::kUnsupportedFormat,
                   "This file is " + *sniffed.known_other +
                       ", not a spreadsheet: upload an Excel file (.xlsx or .xls) or a CSV "
                       "file.");
  }
  switch (sniffed.container) {
    case Container::kZip:
      return read_xlsx(bytes, normalizer, sink, options);
    case Container::kCompoundFile:
      return read_xls(bytes, normalizer, sink, options);
    case Container::kText:
      break;
  }
  return read_delimited_text(bytes, normalizer, sink, options);
}

}  // namespace rx::import
