#include "reports/timeseries_repository.h"

namespace rx::reports {
namespace {

std::vector<TimedAmount> timed(const storage::ResultSet& rows) {
  std::vector<TimedAmount> out;
  out.reserve(rows.rows.size());
  for (const storage::Row& r : rows.rows) out.push_back({r.int_at(0), r.int_at(1)});
  return out;
}

}  // namespace

std::vector<TimedAmount> TimeseriesRepository::conversions(storage::Connection& c,
                                                           std::int64_t shop_id,
                                                           std::int64_t from_ms,
                                                           std::int64_t before_ms) {
  return timed(
      c.query("SELECT converted_at, COALESCE(conversion_value_paise, 0) FROM contact_records "
              "WHERE shop_id = ? AND status = 'converted' AND converted_at >= ? AND "
              "converted_at < ?",
              {shop_id, from_ms, before_ms}));
}

std::vector<TimedAmount> TimeseriesRepository::refills(storage::Connection& c, std::int64_t shop_id,
                                                       std::int64_t from_ms,
                                                       std::int64_t before_ms) {
  return timed(
      c.query("SELECT closed_at, 0 FROM refill_reminders WHERE shop_id = ? AND status = "
              "'refilled' AND closed_at >= ? AND closed_at < ?",
              {shop_id, from_ms, before_ms}));
}

std::vector<TimeseriesPoint> TimeseriesRepository::bills(storage::Connection& c,
                                                         std::int64_t shop_id,
                                                         const ReportWindow& window) {
  std::vector<TimeseriesPoint> out;
  for (const storage::Row& r :
       c.query("SELECT bill_date, COUNT(*), CAST(COALESCE(SUM(total_paise), 0) AS BIGINT) "
               "FROM bills WHERE shop_id = ? AND bill_date >= ? AND bill_date <= ? "
               "GROUP BY bill_date",
               {shop_id, window.from, window.to})
           .rows) {
    out.push_back({r.text_at(0), r.int_at(1), r.int_at(2)});
  }
  return out;
}

}  // namespace rx::reports
