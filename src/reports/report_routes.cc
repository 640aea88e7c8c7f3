#include "reports/report_routes.h"

#include "core/error.h"
#include "http/query_params.h"
#include "reports/report_export.h"
#include "reports/report_json.h"
#include "reports/report_window.h"

#include <fmt/format.h>

namespace rx::reports {
namespace {

using http::Access;
using http::RequestContext;

constexpr std::string_view kBase = "/api/customer-tracking/reports/";

std::string route(std::string_view report) { return fmt::format("{}{}", kBase, report); }

ReportWindow window_of(const RequestContext& ctx, const std::string& today) {
  return resolve_window(ctx.query("from"), ctx.query("to"), today);
}

void reply_report(ReportService& service, const RequestContext& ctx, httplib::Response& res,
                  ReportFormat format, std::string_view report, const nlohmann::json& body,
                  std::string_view to) {
  if (format == ReportFormat::kJson) {
    http::reply_json(res, 200, body);
    return;
  }
  service.record_export(ctx.principal(), report, format);
  const Download download = export_report(report, body, to, format);
  res.set_header("Content-Disposition",
                 fmt::format("attachment; filename=\"{}\"", download.file_name));
  res.set_content(download.body, download.content_type);
}

TimeseriesMetric metric_of(const RequestContext& ctx) {
  const auto metric = http::query_choice(ctx, "metric", {"conversions", "refills", "bills"});
  if (!metric) {
    throw core::AppError(core::ErrorCode::kValidation, "metric is required",
                         {{"fields", {{"metric", "required: conversions, refills or bills"}}}});
  }
  if (*metric == "conversions") return TimeseriesMetric::kConversions;
  return *metric == "refills" ? TimeseriesMetric::kRefills : TimeseriesMetric::kBills;
}

}  // namespace

void register_report_routes(http::Router& router, ReportService& service) {
  router.get(route("conversion"), Access::kManagerOrOwner,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const auth::Principal& me = ctx.principal();
               const ReportFormat format = parse_format(ctx.query("format"));
               const std::string today = service.today(me);
               ConversionQuery query;
               query.window = resolve_optional_window(ctx.query("from"), ctx.query("to"), today);
               query.upload_id = http::query_id(ctx, "upload_id");
               query.staff_id = http::query_id(ctx, "staff_id");
               const ConversionReport report = service.conversion(me, query);
               reply_report(service, ctx, res, format, "conversion", to_json(report, me.time_zone),
                            query.window ? query.window->to : today);
             });

  router.get(route("refills"), Access::kManagerOrOwner,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const auth::Principal& me = ctx.principal();
               const ReportFormat format = parse_format(ctx.query("format"));
               const ReportWindow window = window_of(ctx, service.today(me));
               reply_report(service, ctx, res, format, "refills",
                            to_json(service.refills(me, window)), window.to);
             });

  router.get(route("adherence"), Access::kManagerOrOwner,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const ReportFormat format = parse_format(ctx.query("format"));
               const AdherenceReport report = service.adherence(ctx.principal());
               reply_report(service, ctx, res, format, "adherence", to_json(report), report.as_of);
             });

  router.get(route("customers"), Access::kManagerOrOwner,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const auth::Principal& me = ctx.principal();
               const ReportFormat format = parse_format(ctx.query("format"));
               const ReportWindow window = window_of(ctx, service.today(me));
               reply_report(service, ctx, res, format, "customers",
                            to_json(service.customers(me, window)), window.to);
             });

  router.get(route("timeseries"), Access::kManagerOrOwner,
             [&service](RequestContext& ctx, httplib::Response& res) {
               const auth::Principal& me = ctx.principal();
               const ReportFormat format = parse_format(ctx.query("format"));
               const TimeseriesMetric metric = metric_of(ctx);
               const auto interval = http::query_choice(ctx, "interval", {"day", "week"});
               const ReportWindow window = window_of(ctx, service.today(me));
               const TimeseriesReport report = service.timeseries(
                   me, window, metric,
                   interval == "week" ? TimeseriesInterval::kWeek : TimeseriesInterval::kDay);
               reply_report(service, ctx, res, format, "timeseries", to_json(report), window.to);
             });
}

}  // namespace rx::reports
