#include "reports/adherence_repository.h"

namespace rx::reports {
namespace {

constexpr std::string_view kChronicPurchases = R"(
SELECT p.customer_id, cu.name, cu.phone, p.medicine_key, p.medicine, p.purchased_on, p.duration_days
FROM customer_purchases p
JOIN customers cu ON cu.shop_id = p.shop_id AND cu.id = p.customer_id
WHERE p.shop_id = ? AND p.duration_days IS NOT NULL AND p.purchased_on >= ? AND p.purchased_on <= ?
  AND cu.erased_at IS NULL
  AND EXISTS (SELECT 1 FROM customer_conditions cc
              WHERE cc.shop_id = p.shop_id AND cc.customer_id = p.customer_id)
ORDER BY p.customer_id, p.purchased_on, p.id)";

}  // namespace

std::vector<CustomerPurchases> AdherenceRepository::chronic_purchases(storage::Connection& c,
                                                                      std::int64_t shop_id,
                                                                      const std::string& from,
                                                                      const std::string& to) {
  std::vector<CustomerPurchases> out;
  for (const storage::Row& r : c.query(kChronicPurchases, {shop_id, from, to}).rows) {
    const std::int64_t customer_id = r.int_at(0);
    if (out.empty() || out.back().customer_id != customer_id) {
      out.push_back({customer_id, r[1].as_opt_text(), r.text_at(2), {}});
    }
    out.back().purchases.push_back(
        {r.text_at(3), r.text_at(4), r.text_at(5), static_cast<int>(r.int_at(6))});
  }
  return out;
}

}  // namespace rx::reports
