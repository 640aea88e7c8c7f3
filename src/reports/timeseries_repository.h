#pragma once

#include "reports/reports.h"
#include "storage/database.h"

#include <cstdint>
#include <vector>

namespace rx::reports {

struct TimedAmount {
  std::int64_t at_ms = 0;
  std::int64_t amount_paise = 0;
};

// SQL for the time series. Scoped by shop_id; instants bound [from_ms, before_ms).
class TimeseriesRepository {
 public:
  // Contacts converted in the range: when, and the conversion value.
  static std::vector<TimedAmount> conversions(storage::Connection& c, std::int64_t shop_id,
                                              std::int64_t from_ms, std::int64_t before_ms);
  // Refill reminders closed as refilled in the range (amount 0).
  static std::vector<TimedAmount> refills(storage::Connection& c, std::int64_t shop_id,
                                          std::int64_t from_ms, std::int64_t before_ms);
  // Bills per bill_date in the window, with their total.
  static std::vector<TimeseriesPoint> bills(storage::Connection& c, std::int64_t shop_id,
                                            const ReportWindow& window);
};

}  // namespace rx::reports
