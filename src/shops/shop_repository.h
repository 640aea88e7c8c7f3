#pragma once

#include "shops/shop.h"
#include "storage/database.h"

#include <optional>

namespace rx::shops {

// SQL for the shops table.
// Failures: every call throws the driver's AppError (storage/driver_error.h): kUnavailable when
// the database is busy or unreachable, kConflict for a unique or foreign key violation.
class ShopRepository {
 public:
  static std::int64_t insert(storage::Connection& c, const Shop& shop,
                             const std::string& webhook_key, std::int64_t now_ms);
  static std::optional<Shop> find(storage::Connection& c, std::int64_t id);
  static void update(storage::Connection& c, const Shop& shop, std::int64_t now_ms);
  static std::int64_t count(storage::Connection& c);
  // Records that the first-run setup happened; false when it already had (or a shop exists).
  static bool claim_first_run(storage::Connection& c);
};

}  // namespace rx::shops
