#pragma once

#include "http/router.h"
#include "reports/report_service.h"

namespace rx::reports {

// GET /api/customer-tracking/reports/{conversion,refills,adherence,customers,timeseries}, for
// owners and managers, as JSON or (format=csv|xlsx) a download.
void register_report_routes(http::Router& router, ReportService& service);

}  // namespace rx::reports
