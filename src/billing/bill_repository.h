#pragma once

#include "billing/bill.h"
#include "core/strong_id.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::billing {

// SQL for bills, bill_items and customer_purchases. Every statement is scoped by shop_id.
// Each function throws only the database's errors (storage/driver_error.h): AppError(kConflict)
// on a unique key, kValidation on a foreign key or check, kUnavailable when the database is down
// or busy.
class BillRepository {
 public:
  static core::BillId insert_bill(storage::Connection& c, core::ShopId shop_id, const Bill& bill,
                                  std::int64_t now_ms);
  // Returns the bill item's id.
  static std::int64_t insert_item(storage::Connection& c, core::ShopId shop_id,
                                  core::BillId bill_id, const BillItem& item);
  // Returns the purchase's id.
  static std::int64_t insert_purchase(storage::Connection& c, core::ShopId shop_id,
                                      core::CustomerId customer_id, std::int64_t bill_item_id,
                                      const Purchase& purchase, const std::string& medicine_key);
  static std::optional<Bill> find(storage::Connection& c, core::ShopId shop_id, core::BillId id);
  static std::vector<Bill> list(storage::Connection& c, core::ShopId shop_id,
                                const BillFilter& filter, std::int64_t limit, std::int64_t offset);
  static std::int64_t count(storage::Connection& c, core::ShopId shop_id, const BillFilter& filter);
  static std::vector<Purchase> purchases(storage::Connection& c, core::ShopId shop_id,
                                         core::CustomerId customer_id, std::int64_t limit);
};

}  // namespace rx::billing
