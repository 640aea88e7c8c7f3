#pragma once

#include "reports/report_document.h"

#include <string>

namespace rx::reports {

// The document as an .xlsx workbook: a "Summary" sheet of metric/value rows, then one sheet per
// table with a header row. Throws AppError(kInternal) if the workbook cannot be written.
std::string to_xlsx(const ReportDocument& doc);

}  // namespace rx::reports
