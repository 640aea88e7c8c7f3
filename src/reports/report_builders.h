#pragma once

#include "core/identity/principal.h"
#include "reports/reports.h"
#include "storage/database.h"

#include <cstdint>

// Each report put together from its repository on one connection, for the principal's shop.
// `now_ms` is the moment the report is made. Every builder throws what its repository throws:
// AppError(kUnavailable) when the database is unreachable, kInternal for any other database
// failure or a stored state this version does not know.
namespace rx::reports {

// Throws AppError(kNotFound) when the upload or staff filter names nothing in the shop.
ConversionReport build_conversion_report(storage::Connection& c, const auth::Principal& actor,
                                         const ConversionQuery& query, std::int64_t now_ms);
RefillReport build_refill_report(storage::Connection& c, const auth::Principal& actor,
                                 const ReportWindow& window);
AdherenceReport build_adherence_report(storage::Connection& c, const auth::Principal& actor,
                                       const std::string& as_of,
                                       AdherenceSort sort = AdherenceSort::kPdc);
CustomerReport build_customer_report(storage::Connection& c, const auth::Principal& actor,
                                     const ReportWindow& window);
TimeseriesReport build_timeseries(storage::Connection& c, const auth::Principal& actor,
                                  const ReportWindow& window, TimeseriesMetric metric,
                                  TimeseriesInterval interval);

// [start of `from`, start of the day after `to`) in the shop's zone, as epoch milliseconds.
// Throws nothing for a window from resolve_window and the shop's (valid) zone.
std::pair<std::int64_t, std::int64_t> window_instants(const ReportWindow& window,
                                                      const std::string& time_zone);

}  // namespace rx::reports
