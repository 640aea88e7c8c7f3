#include "reports/customer_report_repository.h"

#include "reports/report_rows.h"
#include "storage/table.h"

namespace rx::reports {
namespace {

struct CategoryCount {
  std::string category;
  std::int64_t customers = 0;
};

constexpr storage::Table kCategoryCount(storage::column("category", &CategoryCount::category),
                                        storage::column("COUNT(*)", &CategoryCount::customers));

constexpr storage::Table kVisit(storage::column("b.customer_id", &CustomerVisit::customer_id),
                                storage::column("b.bill_date", &CustomerVisit::bill_date),
                                storage::column("f.first_bill_date",
                                                &CustomerVisit::first_bill_date));

constexpr std::string_view kVisitsFrom = R"(
FROM bills b
JOIN (SELECT customer_id, MIN(bill_date) AS first_bill_date FROM bills WHERE shop_id = ?
      GROUP BY customer_id) f ON f.customer_id = b.customer_id
WHERE b.shop_id = ? AND b.bill_date >= ? AND b.bill_date <= ?)";

struct ItemCounts {
  std::int64_t items = 0;
  std::int64_t generic_items = 0;
};

constexpr storage::Table kItemCounts(
    storage::column("COUNT(*)", &ItemCounts::items),
    storage::column("COALESCE(SUM(CASE WHEN bi.is_generic THEN 1 ELSE 0 END), 0)",
                    &ItemCounts::generic_items));

constexpr std::string_view kItemsFrom = R"(
FROM bill_items bi
JOIN bills b ON b.shop_id = bi.shop_id AND b.id = bi.bill_id
WHERE bi.shop_id = ? AND b.bill_date >= ? AND b.bill_date <= ?)";

constexpr storage::Table kRefilledMedicine(storage::column("medicine_key",
                                                           &RefilledMedicine::medicine_key),
                                           storage::column("medicine", &RefilledMedicine::medicine),
                                           storage::column("COUNT(*)", &RefilledMedicine::count));

constexpr std::string_view kRefilledMedicinesFrom = R"( FROM refill_reminders
WHERE shop_id = ? AND status = 'refilled' AND closed_at >= ? AND closed_at < ?
GROUP BY medicine_key, medicine)";

}  // namespace

std::map<std::string, std::int64_t> CustomerReportRepository::by_category(storage::Connection& c,
                                                                          core::ShopId shop) {
  static const std::string kSql = "SELECT " + kCategoryCount.select_list() +
                                  " FROM customers WHERE shop_id = ? AND erased_at IS NULL "
                                  "GROUP BY category";
  std::map<std::string, std::int64_t> out;
  for (CategoryCount& row : read_rows(c, kCategoryCount, kSql, {shop.value()}))
    out[std::move(row.category)] = row.customers;
  return out;
}

std::vector<CustomerVisit> CustomerReportRepository::visits(storage::Connection& c,
                                                            core::ShopId shop,
                                                            const ReportWindow& window) {
  static const std::string kSql =
      "SELECT DISTINCT " + kVisit.select_list() + std::string(kVisitsFrom);
  return read_rows(c, kVisit, kSql, {shop.value(), shop.value(), window.from, window.to});
}

std::pair<std::int64_t, std::int64_t> CustomerReportRepository::items(storage::Connection& c,
                                                                      core::ShopId shop,
                                                                      const ReportWindow& window) {
  static const std::string kSql = "SELECT " + kItemCounts.select_list() + std::string(kItemsFrom);
  const ItemCounts counts = read_first(c, kItemCounts, kSql, {shop.value(), window.from, window.to})
                                .value_or(ItemCounts{});
  return {counts.items, counts.generic_items};
}

std::int64_t CustomerReportRepository::customers_preferring_generic(storage::Connection& c,
                                                                    core::ShopId shop) {
  return c.query_int(
      "SELECT COUNT(*) FROM customers WHERE shop_id = ? AND erased_at IS NULL AND "
      "prefers_generic = TRUE",
      {shop.value()});
}

std::vector<RefilledMedicine> CustomerReportRepository::refilled_medicines(storage::Connection& c,
                                                                           core::ShopId shop,
                                                                           std::int64_t from_ms,
                                                                           std::int64_t before_ms) {
  static const std::string kSql =
      "SELECT " + kRefilledMedicine.select_list() + std::string(kRefilledMedicinesFrom);
  return read_rows(c, kRefilledMedicine, kSql, {shop.value(), from_ms, before_ms});
}

}  // namespace rx::reports
