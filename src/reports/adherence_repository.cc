#include "reports/adherence_repository.h"

#include "reports/report_rows.h"
#include "storage/codec.h"
#include "storage/table.h"

namespace rx::reports {
namespace {

// One purchase with its customer, as the query joins them.
struct PurchaseRow {
  core::CustomerId customer_id;
  std::optional<std::string> name;
  std::string phone;
  bool do_not_contact = false;
  std::string medicine_key;
  std::string medicine;
  std::string purchased_on;
  int duration_days = 0;
};

constexpr storage::Table kPurchaseRow(storage::column("p.customer_id", &PurchaseRow::customer_id),
                                      storage::column("cu.name", &PurchaseRow::name),
                                      storage::column("cu.phone", &PurchaseRow::phone),
                                      storage::column("cu.do_not_contact",
                                                      &PurchaseRow::do_not_contact),
                                      storage::column("p.medicine_key", &PurchaseRow::medicine_key),
                                      storage::column("p.medicine", &PurchaseRow::medicine),
                                      storage::column("p.purchased_on", &PurchaseRow::purchased_on),
                                      storage::column("p.duration_days",
                                                      &PurchaseRow::duration_days));

constexpr std::string_view kChronicPurchasesFrom = R"(
FROM customer_purchases p
JOIN customers cu ON cu.shop_id = p.shop_id AND cu.id = p.customer_id
WHERE p.shop_id = ? AND p.duration_days IS NOT NULL AND p.purchased_on >= ? AND p.purchased_on <= ?
  AND cu.erased_at IS NULL
  AND EXISTS (SELECT 1 FROM customer_conditions cc
              WHERE cc.shop_id = p.shop_id AND cc.customer_id = p.customer_id)
ORDER BY p.customer_id, p.purchased_on, p.id)";

}  // namespace

std::vector<CustomerPurchases> AdherenceRepository::chronic_purchases(storage::Connection& c,
                                                                      core::ShopId shop,
                                                                      const std::string& from,
                                                                      const std::string& to) {
  static const std::string kSql =
      "SELECT " + kPurchaseRow.select_list() + std::string(kChronicPurchasesFrom);
  std::vector<CustomerPurchases> out;
  c.for_each_row(kSql, {shop.value(), from, to}, [&out](const storage::RowView& row) {
    PurchaseRow r = kPurchaseRow.read(row);
    if (out.empty() || out.back().customer_id != r.customer_id)
      out.push_back({r.customer_id, std::move(r.name), std::move(r.phone), r.do_not_contact, {}});
    out.back().purchases.push_back({std::move(r.medicine_key), std::move(r.medicine),
                                    std::move(r.purchased_on), r.duration_days});
  });
  return out;
}

std::map<std::int64_t, std::pair<std::int64_t, std::string>> AdherenceRepository::open_lapse_risks(
    storage::Connection& c, core::ShopId shop) {
  std::map<std::int64_t, std::pair<std::int64_t, std::string>> out;
  c.for_each_row(
      "SELECT customer_id, lapse_risk_ppm, lapse_risk FROM refill_reminders WHERE shop_id = ? AND "
      "status IN ('pending', 'sent') AND lapse_risk_ppm IS NOT NULL AND lapse_risk IS NOT NULL",
      {shop.value()}, [&out](const storage::RowView& row) {
        const auto customer = storage::Codec<std::int64_t>::read(row, 0);
        const auto ppm = storage::Codec<std::int64_t>::read(row, 1);
        const auto it = out.find(customer);
        if (it == out.end() || it->second.first < ppm)
          out[customer] = {ppm, storage::Codec<std::string>::read(row, 2)};
      });
  return out;
}

}  // namespace rx::reports
