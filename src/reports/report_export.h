#pragma once

#include "reports/report_document.h"
#include "reports/report_registry.h"
#include "reports/report_window.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace rx::reports {

struct Download {
  std::string body;
  std::string content_type;
  std::string file_name;  // "<report>-report-<to>.<ext>"
};

// Long format, one value a line: header "section,item,metric,value"; the summary's metrics
// under section "summary" with an empty item, then each table's cells. Throws nothing.
std::string to_csv(const ReportDocument& doc);

// The report's JSON as a CSV or XLSX download laid out by the report's entry (`format` is not
// kJson). Throws AppError(kInternal) when the workbook cannot be written.
Download export_report(const ReportEntry& report, const nlohmann::json& json, std::string_view to,
                       ReportFormat format);

}  // namespace rx::reports
