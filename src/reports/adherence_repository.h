#pragma once

#include "reports/pdc.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rx::reports {

struct CustomerPurchases {
  std::int64_t customer_id = 0;
  std::optional<std::string> name;
  std::string phone;
  std::vector<PdcPurchase> purchases;
};

// SQL for the adherence report. Scoped by shop_id.
class AdherenceRepository {
 public:
  // Purchases with a duration bought in [from, to], of customers (not erased) with at least one
  // recorded condition, grouped by customer in id order.
  static std::vector<CustomerPurchases> chronic_purchases(storage::Connection& c,
                                                          std::int64_t shop_id,
                                                          const std::string& from,
                                                          const std::string& to);
};

}  // namespace rx::reports
