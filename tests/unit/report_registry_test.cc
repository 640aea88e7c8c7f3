// The report registry (reports/report_registry.h): every report is one entry with a route, a
// responder and a download layout, and an entry cannot be made without a layout.
#include "reports/report_registry.h"
#include "reports/report_routes.h"

#include "core/clock.h"
#include "core/error.h"
#include "core/identity/authenticator.h"
#include "http/router.h"
#include "storage/database.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <type_traits>

namespace rx::reports {
namespace {

// A registration without a layout does not compile: the entry takes one, and a layout has no
// default to fall back on.
static_assert(!std::is_default_constructible_v<ReportLayout>);
static_assert(!std::is_constructible_v<ReportEntry, std::string_view, ReportResponder>);
static_assert(
    std::is_constructible_v<ReportEntry, std::string_view, ReportResponder, ReportLayout>);

ReportOutput no_report(ReportService&, const http::RequestContext&) { return {}; }

constexpr std::string_view kColumns[] = {"count"};
constexpr TableSpec kPoints[] = {{.name = "points", .item_label = "date", .columns = kColumns}};
constexpr TableSpec kNoColumns[] = {{.name = "points", .item_label = "date", .columns = {}}};
constexpr TableSpec kOrphanChild[] = {
    {.name = "rows.children", .item_label = "name", .columns = kColumns}};

constexpr ReportEntry kGood[] = {{"a", no_report, ReportLayout(kPoints)},
                                 {"b", no_report, ReportLayout::summary_only()}};
constexpr ReportEntry kSameName[] = {{"a", no_report, ReportLayout(kPoints)},
                                     {"a", no_report, ReportLayout::summary_only()}};
constexpr ReportEntry kNoResponder[] = {{"a", nullptr, ReportLayout(kPoints)}};
constexpr ReportEntry kNoName[] = {{"", no_report, ReportLayout(kPoints)}};
constexpr ReportEntry kEmptyTable[] = {{"a", no_report, ReportLayout(kNoColumns)}};
constexpr ReportEntry kChildWithoutParent[] = {{"a", no_report, ReportLayout(kOrphanChild)}};

static_assert(is_valid_registry(kGood));
static_assert(!is_valid_registry(kSameName));
static_assert(!is_valid_registry(kNoResponder));
static_assert(!is_valid_registry(kNoName));
static_assert(!is_valid_registry(kEmptyTable));
static_assert(!is_valid_registry(kChildWithoutParent));

class NobodySignedIn final : public auth::Authenticator {
 public:
  std::optional<auth::Principal> authenticate(const std::string&) override { return std::nullopt; }
};

TEST(ReportRegistryTest, EveryReportHasAResponderAndACompleteLayout) {
  const std::span<const ReportEntry> reports = registered_reports();
  std::set<std::string_view> names;
  for (const ReportEntry& r : reports) names.insert(r.name);
  EXPECT_EQ(names, (std::set<std::string_view>{"adherence", "conversion", "customers", "refills",
                                               "timeseries"}));
  EXPECT_TRUE(is_valid_registry(reports));
  for (const ReportEntry& r : reports) {
    EXPECT_NE(r.respond, nullptr) << r.name;
    EXPECT_TRUE(is_complete(r.layout)) << r.name;
    EXPECT_EQ(&report_entry(r.name), &r);
  }
  EXPECT_EQ(report_entry("refills").layout.tables().size(), 1u) << "a summary and the steps";
  EXPECT_EQ(report_entry("adherence").layout.tables().size(), 3u);
}

TEST(ReportRegistryTest, EveryReportGetsItsRoute) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("rxunit_report_registry_" + std::to_string(getpid()) + ".db");
  std::filesystem::remove(path);
  {
    auto db = storage::open_database("sqlite:" + path.string(), 1);
    core::ManualClock clock(0);
    ReportService service(*db, clock);
    httplib::Server server;
    NobodySignedIn nobody;
    http::Router router(server, nobody, false, 1);
    register_report_routes(router, service);
    std::vector<std::string> expected;
    for (const ReportEntry& r : registered_reports())
      expected.push_back("GET /api/customer-tracking/reports/" + std::string(r.name));
    EXPECT_EQ(router.routes(), expected);
  }
  std::filesystem::remove(path);
}

TEST(ReportRegistryTest, AnUnknownReportIsNotFound) {
  try {
    report_entry("visits");
    FAIL() << "no report is called visits";
  } catch (const core::AppError& e) {
    EXPECT_EQ(e.code(), core::ErrorCode::kNotFound);
  }
}

}  // namespace
}  // namespace rx::reports
