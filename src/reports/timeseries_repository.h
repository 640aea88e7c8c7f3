#pragma once

#include "core/strong_id.h"
#include "reports/reports.h"
#include "storage/database.h"

#include <cstdint>
#include <vector>

namespace rx::reports {

struct TimedAmount {
  std::int64_t at_ms = 0;
  std::int64_t amount_paise = 0;
};

// SQL for the time series. Scoped by the shop; instants bound [from_ms, before_ms). Every
// function throws what the connection throws: AppError(kUnavailable) when the database is
// unreachable, kInternal otherwise.
class TimeseriesRepository {
 public:
  // Contacts converted in the range: when, and the conversion value.
  static std::vector<TimedAmount> conversions(storage::Connection& c, core::ShopId shop,
                                              std::int64_t from_ms, std::int64_t before_ms);
  // Refill reminders closed as refilled in the range (amount 0).
  static std::vector<TimedAmount> refills(storage::Connection& c, core::ShopId shop,
                                          std::int64_t from_ms, std::int64_t before_ms);
  // Bills per bill_date in the window, with their total.
  static std::vector<TimeseriesPoint> bills(storage::Connection& c, core::ShopId shop,
                                            const ReportWindow& window);
};

}  // namespace rx::reports
