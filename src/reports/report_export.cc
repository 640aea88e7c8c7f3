#include "reports/report_export.h"

#include "core/csv_writer.h"
#include "reports/report_xlsx.h"

#include <fmt/format.h>

namespace rx::reports {

std::string to_csv(const ReportDocument& doc) {
  core::CsvWriter csv;
  csv.row({"section", "item", "metric", "value"});
  for (const SummaryMetric& m : doc.summary) csv.row({"summary", "", m.name, cell_text(m.value)});
  for (const Table& table : doc.tables) {
    for (const TableRow& row : table.rows) {
      for (std::size_t i = 0; i < table.columns.size(); ++i)
        csv.row({table.name, row.item, table.columns[i], cell_text(row.values[i])});
    }
  }
  return csv.str();
}

Download export_report(const ReportEntry& report, const nlohmann::json& json, std::string_view to,
                       ReportFormat format) {
  const ReportDocument doc = document_from_json(json, report.layout);
  if (format == ReportFormat::kXlsx) {
    return {to_xlsx(doc), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            fmt::format("{}-report-{}.xlsx", report.name, to)};
  }
  return {to_csv(doc), "text/csv; charset=utf-8", fmt::format("{}-report-{}.csv", report.name, to)};
}

}  // namespace rx::reports
