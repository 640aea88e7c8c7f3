#pragma once

#include "core/strong_id.h"
#include "reports/report_calculations.h"
#include "reports/reports.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rx::reports {

// SQL for the customers report. Scoped by the shop. Every function throws what the connection
// throws: AppError(kUnavailable) when the database is unreachable, kInternal otherwise.
class CustomerReportRepository {
 public:
  // Customers not erased, by category.
  static std::map<std::string, std::int64_t> by_category(storage::Connection& c, core::ShopId shop);
  static std::vector<CustomerVisit> visits(storage::Connection& c, core::ShopId shop,
                                           const ReportWindow& window);
  // Bill items of bills dated in the window: all of them, and the generic ones.
  static std::pair<std::int64_t, std::int64_t> items(storage::Connection& c, core::ShopId shop,
                                                     const ReportWindow& window);
  static std::int64_t customers_preferring_generic(storage::Connection& c, core::ShopId shop);
  // Reminders closed as refilled in [from_ms, before_ms), by medicine key and spelling.
  static std::vector<RefilledMedicine> refilled_medicines(storage::Connection& c, core::ShopId shop,
                                                          std::int64_t from_ms,
                                                          std::int64_t before_ms);
};

}  // namespace rx::reports
