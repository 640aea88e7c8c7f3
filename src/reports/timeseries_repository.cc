#include "reports/timeseries_repository.h"

#include "reports/report_rows.h"
#include "storage/table.h"

namespace rx::reports {
namespace {

constexpr storage::Table kConversion(storage::column("converted_at", &TimedAmount::at_ms),
                                     storage::column("COALESCE(conversion_value_paise, 0)",
                                                     &TimedAmount::amount_paise));

constexpr storage::Table kRefill(storage::column("closed_at", &TimedAmount::at_ms),
                                 storage::column("0", &TimedAmount::amount_paise));

constexpr storage::Table kBillDay(storage::column("bill_date", &TimeseriesPoint::date),
                                  storage::column("COUNT(*)", &TimeseriesPoint::count),
                                  storage::column("CAST(COALESCE(SUM(total_paise), 0) AS BIGINT)",
                                                  &TimeseriesPoint::amount_paise));

}  // namespace

std::vector<TimedAmount> TimeseriesRepository::conversions(storage::Connection& c,
                                                           core::ShopId shop, std::int64_t from_ms,
                                                           std::int64_t before_ms) {
  static const std::string kSql = "SELECT " + kConversion.select_list() +
                                  " FROM contact_records WHERE shop_id = ? AND status = "
                                  "'converted' AND converted_at >= ? AND converted_at < ?";
  return read_rows(c, kConversion, kSql, {shop.value(), from_ms, before_ms});
}

std::vector<TimedAmount> TimeseriesRepository::refills(storage::Connection& c, core::ShopId shop,
                                                       std::int64_t from_ms,
                                                       std::int64_t before_ms) {
  static const std::string kSql = "SELECT " + kRefill.select_list() +
                                  " FROM refill_reminders WHERE shop_id = ? AND status = "
                                  "'refilled' AND closed_at >= ? AND closed_at < ?";
  return read_rows(c, kRefill, kSql, {shop.value(), from_ms, before_ms});
}

std::vector<TimeseriesPoint> TimeseriesRepository::bills(storage::Connection& c, core::ShopId shop,
                                                         const ReportWindow& window) {
  static const std::string kSql = "SELECT " + kBillDay.select_list() +
                                  " FROM bills WHERE shop_id = ? AND bill_date >= ? AND "
                                  "bill_date <= ? GROUP BY bill_date";
  return read_rows(c, kBillDay, kSql, {shop.value(), window.from, window.to});
}

}  // namespace rx::reports
