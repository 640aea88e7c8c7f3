#include "reports/report_service.h"

#include "audit/audit_log.h"

#include "core/time_zone.h"
#include "reports/report_builders.h"

namespace rx::reports {

void ReportService::record_export(const auth::Principal& actor, std::string_view report,
                                  ReportFormat format) {
  audit::record(db_, clock_, actor, audit::kDataExported, "report", std::nullopt,
                {{"report", report}, {"format", format == ReportFormat::kCsv ? "csv" : "xlsx"}});
}

std::string ReportService::today(const auth::Principal& actor) const {
  return core::local_date(clock_.now_ms(), actor.time_zone);
}

ConversionReport ReportService::conversion(const auth::Principal& actor,
                                           const ConversionQuery& query) {
  const std::int64_t now = clock_.now_ms();
  ConversionReport report;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    report = build_conversion_report(c, actor, query, now);
  });
  return report;
}

RefillReport ReportService::refills(const auth::Principal& actor, const ReportWindow& window) {
  RefillReport report;
  db_.transaction(storage::TxMode::kRead,
                  [&](storage::Connection& c) { report = build_refill_report(c, actor, window); });
  return report;
}

AdherenceReport ReportService::adherence(const auth::Principal& actor) {
  const std::string as_of = today(actor);
  AdherenceReport report;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    report = build_adherence_report(c, actor, as_of);
  });
  return report;
}

CustomerReport ReportService::customers(const auth::Principal& actor, const ReportWindow& window) {
  CustomerReport report;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    report = build_customer_report(c, actor, window);
  });
  return report;
}

TimeseriesReport ReportService::timeseries(const auth::Principal& actor, const ReportWindow& window,
                                           TimeseriesMetric metric, TimeseriesInterval interval) {
  TimeseriesReport report;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    report = build_timeseries(c, actor, window, metric, interval);
  });
  return report;
}

}  // namespace rx::reports
