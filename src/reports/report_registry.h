#pragma once

#include "reports/report_document.h"
#include "reports/report_service.h"

#include <nlohmann/json.hpp>

#include <span>
#include <string>
#include <string_view>

namespace rx::http {
class RequestContext;
}  // namespace rx::http

// The one list of reports (kept in report_routes.cc): each entry binds a report's route, its
// builder and JSON, and its download layout, so a report is added in one place.
namespace rx::reports {

// What a report answers for one request: its JSON, and the last day it covers, which names the
// download ("<name>-report-<to>.csv").
struct ReportOutput {
  nlohmann::json json;
  std::string to;
};

// Reads the report's query values from the request, builds the report for the signed-in
// principal and writes its JSON. Throws AppError(kValidation) naming the field of a bad query
// value, kNotFound when a filter names nothing in the shop.
using ReportResponder = ReportOutput (*)(ReportService& service, const http::RequestContext& ctx);

// One report: GET /api/customer-tracking/reports/<name> answers `respond`'s JSON, or with
// format=csv|xlsx a download laid out by `layout`. The constructor takes every part, and
// ReportLayout has no default, so an entry without a layout does not compile.
struct ReportEntry {
  constexpr ReportEntry(std::string_view report_name, ReportResponder responder,
                        ReportLayout download_layout)
      : name(report_name), respond(responder), layout(download_layout) {}

  std::string_view name;  // the route's last segment and the download's file name stem
  ReportResponder respond;
  ReportLayout layout;
};

// Whether a layout's tables are complete: each names its array, its item column and at least
// one column, and an array inside rows ("parent.child") names the parent field it repeats.
constexpr bool is_complete(const ReportLayout& layout) {
  for (const TableSpec& table : layout.tables()) {
    const bool child = table.name.find('.') != std::string_view::npos;
    if (table.name.empty() || table.item_label.empty() || table.columns.empty()) return false;
    if (child == table.parent_column.empty()) return false;
  }
  return true;
}

// Whether a list of reports can be served: every entry has a name, a responder and a complete
// layout, and no two share a name (they would share a route). Checked by a static_assert over
// the registry.
constexpr bool is_valid_registry(std::span<const ReportEntry> entries) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const ReportEntry& e = entries[i];
    if (e.name.empty() || e.respond == nullptr || !is_complete(e.layout)) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (entries[j].name == e.name) return false;
    }
  }
  return true;
}

// Every report, in the order its routes are registered.
std::span<const ReportEntry> registered_reports();

// The report named `name`. Throws AppError(kNotFound) when none is.
const ReportEntry& report_entry(std::string_view name);

}  // namespace rx::reports
