#include "customers/customer.h"
#include "reports/customer_report_repository.h"
#include "reports/report_builders.h"

namespace rx::reports {
namespace {

constexpr std::size_t kTopMedicines = 10;

}  // namespace

CustomerReport build_customer_report(storage::Connection& c, const auth::Principal& actor,
                                     const ReportWindow& window) {
  const core::ShopId shop{actor.shop_id};
  CustomerReport report;
  report.window = window;
  for (std::string_view category : customers::kCategories)
    report.by_category[std::string(category)] = 0;
  for (const auto& [category, n] : CustomerReportRepository::by_category(c, shop))
    report.by_category[category] += n;
  report.weekly = weekly_visits(window, CustomerReportRepository::visits(c, shop, window));
  std::tie(report.items, report.generic_items) = CustomerReportRepository::items(c, shop, window);
  report.customers_preferring_generic =
      CustomerReportRepository::customers_preferring_generic(c, shop);
  const auto [from_ms, before_ms] = window_instants(window, actor.time_zone);
  report.top_refilled_medicines = top_medicines(
      CustomerReportRepository::refilled_medicines(c, shop, from_ms, before_ms), kTopMedicines);
  return report;
}

}  // namespace rx::reports
