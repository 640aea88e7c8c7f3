#pragma once

#include "core/strong_id.h"
#include "storage/database.h"

#include <string>
#include <string_view>

namespace rx::automation {

// SQL for table automation_runs: which daily job ran for which shop on which shop-local day.
// Failures: every call throws the driver's AppError (storage/driver_error.h).
class AutomationRunRepository {
 public:
  // Claims (shop, job, day) inside the caller's write transaction: true for the one transaction
  // that inserts the row; any other, on any server, gets false (on PostgreSQL it waits for the
  // first to commit or roll back), so a job's work is done once a day.
  static bool claim(storage::Connection& c, core::ShopId shop_id, std::string_view job,
                    const std::string& day, std::int64_t now_ms);
};

}  // namespace rx::automation
