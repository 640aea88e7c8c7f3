// A report's JSON laid out as summary metrics and tables, and written as long-format CSV.
#include "reports/report_export.h"
#include "reports/report_document.h"

#include <gtest/gtest.h>

namespace rx::reports {
namespace {

const nlohmann::json kAdherence = {
    {"as_of", "2026-03-10"},
    {"customers", 2},
    {"adherent_share", 50.0},
    {"distribution", {{{"from", 0}, {"to", 10}, {"customers", 1}}}},
    {"below_threshold",
     {{{"customer_id", 7},
       {"name", nullptr},
       {"phone", "+919876500001"},
       {"pdc", 5.5},
       {"last_purchase_on", "2026-01-01"},
       {"days_without_supply", 40},
       {"medicines", {{{"medicine", "Metformin, 500"}, {"pdc", 5.5}, {"purchases", 2}}}}}}}};

TEST(ReportDocumentTest, ScalarsAndNestedObjectsBecomeSummaryMetrics) {
  nlohmann::json refills = {{"due", 3},
                            {"from", "2026-03-01"},
                            {"estimated_cost_paise", nullptr},
                            {"sent", {{"whatsapp", 2}, {"total", 2}}}};
  ReportDocument doc = document_from_json(refills, report_entry("refills").layout);
  ASSERT_EQ(doc.summary.size(), 5u);
  for (const Table& table : doc.tables) EXPECT_TRUE(table.rows.empty()) << table.name;
  std::map<std::string, nlohmann::json> metrics;
  for (const auto& m : doc.summary) metrics[m.name] = m.value;
  EXPECT_EQ(metrics["due"], 3);
  EXPECT_EQ(metrics["sent.whatsapp"], 2);
  EXPECT_TRUE(metrics["estimated_cost_paise"].is_null());
}

TEST(ReportDocumentTest, ArraysBecomeTablesWithChildTablesForArraysInRows) {
  ReportDocument doc = document_from_json(kAdherence, report_entry("adherence").layout);
  ASSERT_EQ(doc.tables.size(), 3u);
  EXPECT_EQ(doc.tables[0].name, "distribution");
  ASSERT_EQ(doc.tables[0].rows.size(), 1u);
  EXPECT_EQ(doc.tables[0].rows[0].item, "0-10");
  const Table& below = doc.tables[1];
  EXPECT_EQ(below.item_label, "name");
  EXPECT_EQ(below.rows[0].item, "") << "a customer without a name";
  EXPECT_EQ(below.columns[0], "customer_id");
  EXPECT_EQ(below.rows[0].values[0], 7);
  const Table& medicines = doc.tables[2];
  EXPECT_EQ(medicines.name, "below_threshold.medicines");
  EXPECT_EQ(medicines.columns, (std::vector<std::string>{"customer_id", "pdc", "purchases"}));
  EXPECT_EQ(medicines.rows[0].item, "Metformin, 500");
  EXPECT_EQ(medicines.rows[0].values[0], 7) << "the parent's id on every child row";
}

TEST(ReportDocumentTest, CsvIsLongFormatWithQuotedCells) {
  const std::string csv = to_csv(document_from_json(kAdherence, report_entry("adherence").layout));
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFsection,item,metric,value\r\n", 0), 0u);
  EXPECT_NE(csv.find("summary,,adherent_share,50.0\r\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("summary,,as_of,2026-03-10\r\n"), std::string::npos);
  EXPECT_NE(csv.find("distribution,0-10,customers,1\r\n"), std::string::npos);
  EXPECT_NE(csv.find("below_threshold,,phone,+919876500001\r\n"), std::string::npos);
  EXPECT_NE(csv.find("below_threshold.medicines,\"Metformin, 500\",pdc,5.5\r\n"),
            std::string::npos);
}

TEST(ReportDocumentTest, DownloadsAreNamedAfterTheReportAndItsLastDay) {
  Download csv =
      export_report(report_entry("adherence"), kAdherence, "2026-03-10", ReportFormat::kCsv);
  EXPECT_EQ(csv.file_name, "adherence-report-2026-03-10.csv");
  EXPECT_EQ(csv.content_type, "text/csv; charset=utf-8");
  Download xlsx =
      export_report(report_entry("adherence"), kAdherence, "2026-03-10", ReportFormat::kXlsx);
  EXPECT_EQ(xlsx.file_name, "adherence-report-2026-03-10.xlsx");
  EXPECT_EQ(xlsx.body.rfind("PK\x03\x04", 0), 0u) << "a ZIP container";
}

}  // namespace
}  // namespace rx::reports
