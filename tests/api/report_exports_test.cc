// Every report downloads as CSV that parses back to the JSON's figures and as a valid workbook.
#include "report_checks.h"
#include "report_fixture.h"

namespace rx::test {
namespace {

struct Expected {
  std::string path;  // with its query
  std::string report;
  std::string to;
  std::vector<std::string> sheets;
};

class ReportExportsTest : public ReportsTest {
 protected:
  void expect_downloads(const SignedInStaff& who, const Expected& e) {
    const std::string sep = e.path.find('?') == std::string::npos ? "?" : "&";
    const nlohmann::json json = report(who, e.path);

    Response csv = client(who).get(kReports + e.path + sep + "format=csv");
    ASSERT_EQ(csv.status, 200) << e.path << csv.raw;
    EXPECT_EQ(csv.header("Content-Type"), "text/csv; charset=utf-8");
    EXPECT_EQ(csv.header("Content-Disposition"),
              "attachment; filename=\"" + e.report + "-report-" + e.to + ".csv\"");
    expect_csv_matches_json(csv.raw, json);

    Response xlsx = client(who).get(kReports + e.path + sep + "format=xlsx");
    ASSERT_EQ(xlsx.status, 200) << e.path << xlsx.raw;
    EXPECT_EQ(xlsx.header("Content-Type"),
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(xlsx.header("Content-Disposition"),
              "attachment; filename=\"" + e.report + "-report-" + e.to + ".xlsx\"");
    EXPECT_EQ(xlsx.raw.substr(0, 4), std::string("PK\x03\x04", 4));
    EXPECT_EQ(xlsx_sheet_names(xlsx.raw), e.sheets) << e.path;
  }
};

TEST_F(ReportExportsTest, ConversionAndRefillsDownload) {
  ConversionShop a = build_conversion_shop(server(), "Exports A");
  expect_downloads(a.owner,
                   {"conversion", "conversion", ist_date(), {"Summary", "by_staff", "by_upload"}});
  expect_downloads(a.owner, {"conversion?from=" + ist_date(-10) + "&to=" + ist_date(-1),
                             "conversion",
                             ist_date(-1),
                             {"Summary", "by_staff", "by_upload"}});
  RefillShop r = build_refill_shop(server(), "Exports R");
  set_whatsapp_price(server(), r.owner, 80);
  expect_downloads(r.owner, {"refills?from=" + ist_date(-20) + "&to=" + ist_date(10),
                             "refills",
                             ist_date(10),
                             {"Summary", "steps"}});
  expect_downloads(r.owner, {"timeseries?metric=bills&interval=week&from=" + ist_date(-27),
                             "timeseries",
                             ist_date(),
                             {"Summary", "points"}});
}

TEST_F(ReportExportsTest, AdherenceAndCustomersDownload) {
  AdherenceShop h = build_adherence_shop(server(), "Exports H");
  expect_downloads(h.owner,
                   {"adherence",
                    "adherence",
                    ist_date(),
                    {"Summary", "distribution", "below_threshold", "below_threshold.medicines"}});
  CustomerShop c = build_customer_shop(server(), "Exports C");
  expect_downloads(c.owner, {"customers?from=" + add_days(c.monday, -14),
                             "customers",
                             ist_date(),
                             {"Summary", "weekly", "top_refilled_medicines"}});
}

TEST_F(ReportExportsTest, AnEmptyShopDownloadsEmptyTables) {
  SignedInStaff owner = create_shop(server(), "Exports Empty");
  expect_downloads(owner,
                   {"conversion", "conversion", ist_date(), {"Summary", "by_staff", "by_upload"}});
  expect_downloads(owner,
                   {"adherence",
                    "adherence",
                    ist_date(),
                    {"Summary", "distribution", "below_threshold", "below_threshold.medicines"}});
}

}  // namespace
}  // namespace rx::test
