#include "core/time_zone.h"
#include "reports/report_builders.h"
#include "reports/report_calculations.h"
#include "reports/timeseries_repository.h"

namespace rx::reports {
namespace {

std::vector<TimeseriesPoint> by_local_date(const std::vector<TimedAmount>& events,
                                           const std::string& time_zone) {
  std::vector<TimeseriesPoint> out;
  out.reserve(events.size());
  for (const TimedAmount& e : events)
    out.push_back({core::local_date(e.at_ms, time_zone), 1, e.amount_paise});
  return out;
}

}  // namespace

TimeseriesReport build_timeseries(storage::Connection& c, const auth::Principal& actor,
                                  const ReportWindow& window, TimeseriesMetric metric,
                                  TimeseriesInterval interval) {
  const core::ShopId shop{actor.shop_id};
  const auto [from_ms, before_ms] = window_instants(window, actor.time_zone);
  std::vector<TimeseriesPoint> daily;
  switch (metric) {
    case TimeseriesMetric::kConversions:
      daily = by_local_date(TimeseriesRepository::conversions(c, shop, from_ms, before_ms),
                            actor.time_zone);
      break;
    case TimeseriesMetric::kRefills:
      daily = by_local_date(TimeseriesRepository::refills(c, shop, from_ms, before_ms),
                            actor.time_zone);
      break;
    case TimeseriesMetric::kBills:
      daily = TimeseriesRepository::bills(c, shop, window);
      break;
  }
  TimeseriesReport report;
  report.metric = metric;
  report.interval = interval;
  report.window = window;
  report.points = fill_points(window, interval, daily);
  return report;
}

}  // namespace rx::reports
