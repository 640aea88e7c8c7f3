#pragma once

#include "reports/reports.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// The pure arithmetic of the reports (PDC has its own file): bucketing by day and week, new
// versus returning customers, the top medicines. No function here throws: they take a window
// from resolve_window and rows the repositories read.
namespace rx::reports {

// One customer billed on one day, with the date of their first bill ever.
struct CustomerVisit {
  std::int64_t customer_id = 0;
  std::string bill_date;
  std::string first_bill_date;
};

struct RefilledMedicine {
  std::string medicine_key;
  std::string medicine;  // one spelling of it
  std::int64_t count = 0;
};

// Every day (or Monday-started week) of the window, ascending, with the events of `daily`
// (dated inside the window) added up; periods with none are zero.
std::vector<TimeseriesPoint> fill_points(const ReportWindow& window, TimeseriesInterval interval,
                                         const std::vector<TimeseriesPoint>& daily);

// Every week of the window with the customers billed in it: new when their first bill ever falls
// in that week, returning otherwise. A customer counts once a week.
std::vector<WeekVisits> weekly_visits(const ReportWindow& window,
                                      const std::vector<CustomerVisit>& visits);

// Refill counts per medicine key, named by its most used spelling, most refilled first, ties by
// name; at most `limit`.
std::vector<MedicineCount> top_medicines(const std::vector<RefilledMedicine>& rows,
                                         std::size_t limit);

// The 10% bucket of a PDC (0..9); 100 falls in the last one.
int pdc_bucket(double pdc);

}  // namespace rx::reports
