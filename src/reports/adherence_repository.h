#pragma once

#include "core/strong_id.h"
#include "reports/pdc.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rx::reports {

struct CustomerPurchases {
  core::CustomerId customer_id;
  std::optional<std::string> name;
  std::string phone;
  bool do_not_contact = false;  // asked not to be called: never on the list to call
  std::vector<PdcPurchase> purchases;
};

// SQL for the adherence report. Scoped by the shop.
class AdherenceRepository {
 public:
  // Purchases with a duration bought in [from, to], of customers (not erased) with at least one
  // recorded condition, grouped by customer in id order. Throws what the connection throws:
  // AppError(kUnavailable) when the database is unreachable, kInternal otherwise.
  static std::vector<CustomerPurchases> chronic_purchases(storage::Connection& c, core::ShopId shop,
                                                          const std::string& from,
                                                          const std::string& to);
  // Each customer's highest lapse risk among their open (pending or sent) refill reminders:
  // customer id -> (risk in millionths, its JSON). Customers without one are absent.
  static std::map<std::int64_t, std::pair<std::int64_t, std::string>> open_lapse_risks(
      storage::Connection& c, core::ShopId shop);
};

}  // namespace rx::reports
