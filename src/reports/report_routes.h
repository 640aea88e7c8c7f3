#pragma once

#include "http/router.h"
#include "reports/report_service.h"

namespace rx::reports {

// GET /api/customer-tracking/reports/<name> for every registered report (report_registry.h),
// for owners and managers, as JSON or (format=csv|xlsx) a download. A request answers 422 for a
// bad query value, 404 for a filter naming nothing in the shop.
void register_report_routes(http::Router& router, ReportService& service);

}  // namespace rx::reports
