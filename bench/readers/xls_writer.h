#pragma once

#include "sheet_generator.h"

#include <string>
#include <vector>

namespace rx::bench {

// An Excel 97-2003 workbook (BIFF8 in an OLE2 compound file) with one sheet "Customers":
// the header row, then one row per GeneratedRow, strings as LABEL cells and numeric phones as
// NUMBER cells. Enough of the format for libfreexl, which rxtrack's .xls reader uses; written
// by hand because Debian has no C or C++ .xls writer. At most 65,535 rows (the format's limit).
std::string to_xls(const std::vector<GeneratedRow>& rows);

}  // namespace rx::bench
