#pragma once

#include <tl/expected.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "import/import_types.h"
#include "import/zip_archive.h"

namespace rx::import {

struct WorksheetRef {
  std::string name;
  std::uint64_t entry;  // index in the archive
};

// Where the parts of an .xlsx package are: its worksheets in workbook order and its shared
// string table, found through the package's relationships as Excel does.
struct XlsxPackage {
  std::vector<WorksheetRef> worksheets;
  std::optional<std::uint64_t> shared_strings;
};

// kUnsupportedFormat when the archive is a ZIP but not a spreadsheet (a .docx, an .ods...).
tl::expected<XlsxPackage, ImportFailure> read_xlsx_package(const ZipArchive& archive,
                                                           InflateBudget& budget);

}  // namespace rx::import
