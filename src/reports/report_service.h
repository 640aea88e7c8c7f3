#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "reports/reports.h"
#include "storage/database.h"

#include <string>

namespace rx::reports {

// The five reports, each read in one read-only transaction. Every figure is of the principal's
// shop.
class ReportService {
 public:
  ReportService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Today in the shop's zone: the default end of every window.
  std::string today(const auth::Principal& actor) const;

  ConversionReport conversion(const auth::Principal& actor, const ConversionQuery& query);
  // A report leaving as a file is personal data leaving: the audit log says who took which.
  void record_export(const auth::Principal& actor, std::string_view report, ReportFormat format);
  RefillReport refills(const auth::Principal& actor, const ReportWindow& window);
  AdherenceReport adherence(const auth::Principal& actor);
  CustomerReport customers(const auth::Principal& actor, const ReportWindow& window);
  TimeseriesReport timeseries(const auth::Principal& actor, const ReportWindow& window,
                              TimeseriesMetric metric, TimeseriesInterval interval);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::reports
