#include "insights_api/contact_times_service.h"

#include "core/error.h"
#include "core/time_zone.h"
#include "insights_api/contact_times_repository.h"
#include "reports/report_window.h"
#include "shops/shop_repository.h"
#include "staff/staff_repository.h"

namespace rx::insights_api {

using core::AppError;
using core::ErrorCode;

ContactTimesAnswer ContactTimesService::read(const auth::Principal& actor,
                                             const ContactTimesRequest& request) {
  const std::string& tz = actor.time_zone;
  const std::string today = core::local_date(clock_.now_ms(), tz);
  // The reports' rules, with a 90-day default: `from` follows a valid `to` (or today).
  std::optional<std::string> from = request.from;
  const std::string to_or_today = request.to.value_or(today);
  if (!from && core::is_valid_date(to_or_today))
    from = core::add_days(to_or_today, -(kDefaultContactTimesDays - 1));
  const reports::ReportWindow window = reports::resolve_window(from, request.to, today);

  ContactTimesAnswer answer{tz, window.from, window.to, {}};
  insights::WeekHourCounts counts;
  insights::CallWindow call_window;
  db_.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    const core::ShopId shop(actor.shop_id);
    if (request.staff_id &&
        !staff::StaffRepository::find(c, actor.shop_id, request.staff_id->value())) {
      throw AppError(ErrorCode::kValidation, "no such staff member",
                     {{"fields", {{"staff_id", "no such staff member in this shop"}}}});
    }
    if (auto settings = shops::ShopRepository::find(c, actor.shop_id))
      call_window = {settings->call_window_start, settings->call_window_end};
    const CallQuery query{core::start_of_local_day(window.from, tz),
                          core::start_of_local_day(core::add_days(window.to, 1), tz),
                          request.staff_id};
    for (const CallAttempt& call : ContactTimesRepository::call_attempts(c, shop, query)) {
      if (!is_call_attempt(call.outcome)) continue;
      const core::LocalWeekHour at = core::local_week_hour(call.occurred_at, tz);
      counts.add(at.weekday, at.hour, contacts::is_reached(call.outcome));
    }
  });
  answer.times = insights::summarise_contact_times(counts, call_window);
  return answer;
}

}  // namespace rx::insights_api
