#include "reports/customer_report_repository.h"

namespace rx::reports {
namespace {

constexpr std::string_view kVisits = R"(
SELECT DISTINCT b.customer_id, b.bill_date, f.first_bill_date
FROM bills b
JOIN (SELECT customer_id, MIN(bill_date) AS first_bill_date FROM bills WHERE shop_id = ?
      GROUP BY customer_id) f ON f.customer_id = b.customer_id
WHERE b.shop_id = ? AND b.bill_date >= ? AND b.bill_date <= ?)";

constexpr std::string_view kItems = R"(
SELECT COUNT(*), COALESCE(SUM(CASE WHEN bi.is_generic THEN 1 ELSE 0 END), 0)
FROM bill_items bi
JOIN bills b ON b.shop_id = bi.shop_id AND b.id = bi.bill_id
WHERE bi.shop_id = ? AND b.bill_date >= ? AND b.bill_date <= ?)";

constexpr std::string_view kRefilledMedicines = R"(
SELECT medicine_key, medicine, COUNT(*) FROM refill_reminders
WHERE shop_id = ? AND status = 'refilled' AND closed_at >= ? AND closed_at < ?
GROUP BY medicine_key, medicine)";

}  // namespace

std::map<std::string, std::int64_t> CustomerReportRepository::by_category(storage::Connection& c,
                                                                          std::int64_t shop_id) {
  std::map<std::string, std::int64_t> out;
  for (const storage::Row& r :
       c.query("SELECT category, COUNT(*) FROM customers WHERE shop_id = ? AND erased_at IS NULL "
               "GROUP BY category",
               {shop_id})
           .rows) {
    out[r.text_at(0)] = r.int_at(1);
  }
  return out;
}

std::vector<CustomerVisit> CustomerReportRepository::visits(storage::Connection& c,
                                                            std::int64_t shop_id,
                                                            const ReportWindow& window) {
  std::vector<CustomerVisit> out;
  for (const storage::Row& r : c.query(kVisits, {shop_id, shop_id, window.from, window.to}).rows)
    out.push_back({r.int_at(0), r.text_at(1), r.text_at(2)});
  return out;
}

std::pair<std::int64_t, std::int64_t> CustomerReportRepository::items(storage::Connection& c,
                                                                      std::int64_t shop_id,
                                                                      const ReportWindow& window) {
  auto row = c.query_one(kItems, {shop_id, window.from, window.to});
  return {row->int_at(0), row->int_at(1)};
}

std::int64_t CustomerReportRepository::customers_preferring_generic(storage::Connection& c,
                                                                    std::int64_t shop_id) {
  return c.query_int(
      "SELECT COUNT(*) FROM customers WHERE shop_id = ? AND erased_at IS NULL AND "
      "prefers_generic = TRUE",
      {shop_id});
}

std::vector<RefilledMedicine> CustomerReportRepository::refilled_medicines(storage::Connection& c,
                                                                           std::int64_t shop_id,
                                                                           std::int64_t from_ms,
                                                                           std::int64_t before_ms) {
  std::vector<RefilledMedicine> out;
  for (const storage::Row& r : c.query(kRefilledMedicines, {shop_id, from_ms, before_ms}).rows) {
    out.push_back({r.text_at(0), r.text_at(1), r.int_at(2)});
  }
  return out;
}

}  // namespace rx::reports
