#include "automation/automation_run_repository.h"

namespace rx::automation {

namespace {

constexpr std::string_view kClaim =
    "INSERT INTO automation_runs (shop_id, job, run_on, ran_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT DO NOTHING";

}  // namespace

bool AutomationRunRepository::claim(storage::Connection& c, core::ShopId shop_id,
                                    std::string_view job, const std::string& day,
                                    std::int64_t now_ms) {
  return c.query(kClaim, {shop_id.value(), job, day, now_ms}).affected == 1;
}

}  // namespace rx::automation
