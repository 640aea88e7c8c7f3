#include "reports/report_service.h"

#include "audit/audit_log.h"
#include "core/time_zone.h"

namespace rx::reports {

void ReportService::record_export(const auth::Principal& actor, std::string_view report,
                                  ReportFormat format) {
  audit::record(db_, clock_, actor, audit::kDataExported, "report", std::nullopt,
                {{"report", report}, {"format", core::enum_name(format)}});
}

std::string ReportService::today(const auth::Principal& actor) const {
  return core::local_date(clock_.now_ms(), actor.time_zone);
}

}  // namespace rx::reports
