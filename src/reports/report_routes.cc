#include "reports/report_routes.h"

#include "core/enum_names.h"
#include "core/error.h"
#include "http/query_params.h"
#include "reports/report_builders.h"
#include "reports/report_export.h"
#include "reports/report_json.h"
#include "reports/report_registry.h"
#include "reports/report_window.h"

#include <fmt/format.h>

#include <algorithm>

// The registry of reports: each report's query, builder and JSON (its responder), and the
// tables of its download, in one entry of kReports.
namespace rx::reports {
namespace {

using http::Access;
using http::RequestContext;

constexpr std::string_view kBase = "/api/customer-tracking/reports/";

ReportWindow window_of(const RequestContext& ctx, const std::string& today) {
  return resolve_window(ctx.query("from"), ctx.query("to"), today);
}

// The query value `name` spelled as one of E's names, or nullopt when absent. Throws
// AppError(kValidation) naming the field, listing the names, for any other spelling.
template <core::NamedEnum E>
std::optional<E> query_enum(const RequestContext& ctx, const std::string& name) {
  const std::optional<std::string> text = ctx.query(name);
  if (!text) return std::nullopt;
  if (const auto value = core::enum_from_name<E>(*text)) return value;
  std::string list;
  for (const auto& [unused, spelling] : core::EnumNames<E>::kNames)
    list.append(list.empty() ? "" : ", ").append(spelling);
  const std::string reason = "must be one of " + list;
  throw core::AppError(core::ErrorCode::kValidation, name + " " + reason,
                       {{"fields", {{name, reason}}}});
}

// conversion ------------------------------------------------------------------------------------

constexpr std::string_view kByStaffColumns[] = {"staff_id",     "assigned",
                                                "contacted",    "converted",
                                                "yellow",       "conversion_value_paise",
                                                "interactions", "follow_ups_overdue"};
constexpr std::string_view kByUploadColumns[] = {
    "upload_id",      "uploaded_at", "total",  "pending",
    "contacted",      "converted",   "yellow", "conversion_value_paise",
    "conversion_rate"};
constexpr TableSpec kConversionTables[] = {
    {.name = "by_staff", .item_label = "name", .columns = kByStaffColumns},
    {.name = "by_upload", .item_label = "file_name", .columns = kByUploadColumns},
};

ReportOutput conversion(ReportService& service, const RequestContext& ctx) {
  const auth::Principal& me = ctx.principal();
  const std::string today = service.today(me);
  ConversionQuery query;
  query.window = resolve_optional_window(ctx.query("from"), ctx.query("to"), today);
  if (const auto upload = http::query_id(ctx, "upload_id"))
    query.upload_id = core::UploadId(*upload);
  if (const auto staff = http::query_id(ctx, "staff_id")) query.staff_id = core::StaffId(*staff);
  const std::int64_t now = service.now_ms();
  const ConversionReport report = service.read(
      [&](storage::Connection& c) { return build_conversion_report(c, me, query, now); });
  return {to_json(report, me.time_zone), query.window ? query.window->to : today};
}

// refills ---------------------------------------------------------------------------------------

constexpr std::string_view kStepColumns[] = {"sent", "answered", "refilled_after"};
constexpr TableSpec kRefillTables[] = {
    {.name = "steps", .item_label = "step", .columns = kStepColumns},
};

ReportOutput refills(ReportService& service, const RequestContext& ctx) {
  const auth::Principal& me = ctx.principal();
  const ReportWindow window = window_of(ctx, service.today(me));
  return {to_json(service.read(
              [&](storage::Connection& c) { return build_refill_report(c, me, window); })),
          window.to};
}

// adherence -------------------------------------------------------------------------------------

std::string pdc_bucket_item(const nlohmann::json& row) {
  return cell_text(row.at("from")) + "-" + cell_text(row.at("to"));
}

constexpr std::string_view kDistributionColumns[] = {"from", "to", "customers"};
// lapse_risk is downloaded as its JSON ({"p","band","model","reasons"}), empty when none.
constexpr std::string_view kBelowThresholdColumns[] = {
    "customer_id", "phone", "pdc", "last_purchase_on", "days_without_supply", "lapse_risk"};
constexpr std::string_view kMedicineColumns[] = {"pdc", "purchases"};
constexpr TableSpec kAdherenceTables[] = {
    {.name = "distribution",
     .item_label = "bucket",
     .columns = kDistributionColumns,
     .item = pdc_bucket_item},
    {.name = "below_threshold", .item_label = "name", .columns = kBelowThresholdColumns},
    {.name = "below_threshold.medicines",
     .item_label = "medicine",
     .columns = kMedicineColumns,
     .parent_column = "customer_id"},
};

ReportOutput adherence(ReportService& service, const RequestContext& ctx) {
  const auth::Principal& me = ctx.principal();
  const std::string as_of = service.today(me);
  AdherenceSort sort = AdherenceSort::kPdc;
  if (const auto chosen = http::query_choice(ctx, "sort", {"pdc", "risk"}); chosen == "risk")
    sort = AdherenceSort::kRisk;
  const AdherenceReport report = service.read(
      [&](storage::Connection& c) { return build_adherence_report(c, me, as_of, sort); });
  return {to_json(report), report.as_of};
}

// customers -------------------------------------------------------------------------------------

constexpr std::string_view kWeeklyColumns[] = {"new", "returning"};
constexpr std::string_view kTopMedicineColumns[] = {"refills"};
constexpr TableSpec kCustomerTables[] = {
    {.name = "weekly", .item_label = "week_start", .columns = kWeeklyColumns},
    {.name = "top_refilled_medicines", .item_label = "medicine", .columns = kTopMedicineColumns},
};

ReportOutput customers(ReportService& service, const RequestContext& ctx) {
  const auth::Principal& me = ctx.principal();
  const ReportWindow window = window_of(ctx, service.today(me));
  return {to_json(service.read(
              [&](storage::Connection& c) { return build_customer_report(c, me, window); })),
          window.to};
}

// timeseries ------------------------------------------------------------------------------------

constexpr std::string_view kPointColumns[] = {"count", "amount_paise"};
constexpr TableSpec kTimeseriesTables[] = {
    {.name = "points", .item_label = "date", .columns = kPointColumns},
};

ReportOutput timeseries(ReportService& service, const RequestContext& ctx) {
  const auth::Principal& me = ctx.principal();
  const std::optional<TimeseriesMetric> metric = query_enum<TimeseriesMetric>(ctx, "metric");
  if (!metric) {
    throw core::AppError(core::ErrorCode::kValidation, "metric is required",
                         {{"fields", {{"metric", "required: conversions, refills or bills"}}}});
  }
  const TimeseriesInterval interval =
      query_enum<TimeseriesInterval>(ctx, "interval").value_or(TimeseriesInterval::kDay);
  const ReportWindow window = window_of(ctx, service.today(me));
  const TimeseriesReport report = service.read(
      [&](storage::Connection& c) { return build_timeseries(c, me, window, *metric, interval); });
  return {to_json(report), window.to};
}

// The registry ----------------------------------------------------------------------------------

constexpr ReportEntry kReports[] = {
    {"conversion", conversion, ReportLayout(kConversionTables)},
    {"refills", refills, ReportLayout(kRefillTables)},
    {"adherence", adherence, ReportLayout(kAdherenceTables)},
    {"customers", customers, ReportLayout(kCustomerTables)},
    {"timeseries", timeseries, ReportLayout(kTimeseriesTables)},
};
static_assert(is_valid_registry(kReports),
              "every report needs a name of its own, a responder and a complete layout");

void reply(ReportService& service, const ReportEntry& report, RequestContext& ctx,
           httplib::Response& res) {
  const ReportFormat format = parse_format(ctx.query("format"));
  const ReportOutput out = report.respond(service, ctx);
  if (format == ReportFormat::kJson) {
    http::reply_json(res, 200, out.json);
    return;
  }
  service.record_export(ctx.principal(), report.name, format);
  const Download download = export_report(report, out.json, out.to, format);
  res.set_header("Content-Disposition",
                 fmt::format("attachment; filename=\"{}\"", download.file_name));
  res.set_content(download.body, download.content_type);
}

}  // namespace

std::span<const ReportEntry> registered_reports() { return kReports; }

const ReportEntry& report_entry(std::string_view name) {
  const auto it = std::find_if(std::begin(kReports), std::end(kReports),
                               [name](const ReportEntry& e) { return e.name == name; });
  if (it == std::end(kReports)) core::throw_not_found("report");
  return *it;
}

void register_report_routes(http::Router& router, ReportService& service) {
  for (const ReportEntry& report : kReports) {
    router.get(fmt::format("{}{}", kBase, report.name), Access::kManagerOrOwner,
               [&service, &report](RequestContext& ctx, httplib::Response& res) {
                 reply(service, report, ctx, res);
               });
  }
}

}  // namespace rx::reports
