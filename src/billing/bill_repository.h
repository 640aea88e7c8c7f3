#pragma once

#include "billing/bill.h"
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
  static std::int64_t insert_bill(storage::Connection& c, std::int64_t shop_id, const Bill& bill,
                                  std::int64_t now_ms);
  static std::int64_t insert_item(storage::Connection& c, std::int64_t shop_id,
                                  std::int64_t bill_id, const BillItem& item);
  static std::int64_t insert_purchase(storage::Connection& c, std::int64_t shop_id,
                                      std::int64_t customer_id, std::int64_t bill_item_id,
                                      const Purchase& purchase, const std::string& medicine_key);
  static std::optional<Bill> find(storage::Connection& c, std::int64_t shop_id, std::int64_t id);
  static std::vector<Bill> list(storage::Connection& c, std::int64_t shop_id,
                                const BillFilter& filter, std::int64_t limit, std::int64_t offset);
  static std::int64_t count(storage::Connection& c, std::int64_t shop_id, const BillFilter& filter);
  static std::vector<Purchase> purchases(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t customer_id, std::int64_t limit);
};

}  // namespace rx::billing
