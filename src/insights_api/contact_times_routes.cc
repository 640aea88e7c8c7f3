#include "insights_api/contact_times_routes.h"

#include "core/error.h"

#include <charconv>
#include <nlohmann/json.hpp>

namespace rx::insights_api {
namespace {

std::optional<core::StaffId> read_staff_id(const std::optional<std::string>& text) {
  if (!text) return std::nullopt;
  std::int64_t id = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, id);
  if (ec != std::errc() || ptr != end || id <= 0) {
    throw core::AppError(core::ErrorCode::kValidation, "staff_id must be a staff member's id",
                         {{"fields", {{"staff_id", "must be a positive whole number"}}}});
  }
  return core::StaffId(id);
}

nlohmann::json to_json(const insights::TimeWindow& w) {
  return {{"weekday", w.weekday ? nlohmann::json(*w.weekday) : nlohmann::json(nullptr)},
          {"start_hour", w.start_hour},
          {"end_hour", w.end_hour},
          {"rate", w.rate},
          {"attempts", w.attempts}};
}

nlohmann::json to_json(const ContactTimesAnswer& answer) {
  const insights::ContactTimes& t = answer.times;
  const double overall_rate = t.overall.attempts > 0 ? static_cast<double>(t.overall.reached) /
                                                           static_cast<double>(t.overall.attempts)
                                                     : 0.0;
  nlohmann::json cells = nlohmann::json::array();
  for (const insights::HourCell& cell : t.cells) {
    cells.push_back({{"weekday", cell.weekday},
                     {"hour", cell.hour},
                     {"attempts", cell.counts.attempts},
                     {"reached", cell.counts.reached},
                     {"rate", cell.estimate.rate},
                     {"low", cell.estimate.low},
                     {"high", cell.estimate.high}});
  }
  nlohmann::json best = nlohmann::json::array();
  for (const insights::TimeWindow& w : t.best) best.push_back(to_json(w));
  return {
      {"time_zone", answer.time_zone},
      {"from", answer.from},
      {"to", answer.to},
      {"overall",
       {{"attempts", t.overall.attempts}, {"reached", t.overall.reached}, {"rate", overall_rate}}},
      {"cells", std::move(cells)},
      {"best", std::move(best)}};
}

}  // namespace

void register_contact_times_routes(http::Router& router, ContactTimesService& service) {
  router.get("/api/customer-tracking/insights/contact-times", http::Access::kSignedIn,
             [&service](http::RequestContext& ctx, httplib::Response& res) {
               ContactTimesRequest request{ctx.query("from"), ctx.query("to"),
                                           read_staff_id(ctx.query("staff_id"))};
               http::reply_json(res, 200, to_json(service.read(ctx.principal(), request)));
             });
}

}  // namespace rx::insights_api
