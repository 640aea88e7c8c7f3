#include "automation/daily_jobs.h"

#include "automation/automation_run_repository.h"
#include "contacts/assignment_repository.h"
#include "contacts/auto_assign.h"
#include "contacts/contact_repository.h"
#include "core/time_zone.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <optional>
#include <vector>

namespace rx::automation {

namespace {

constexpr std::string_view kReassignJob = "reassign";

}  // namespace

DailyJobCounts DailyJobs::run() {
  DailyJobCounts counts;
  std::vector<core::ShopId> shops;
  db_.with_connection([&](storage::Connection& c) {
    shops = contacts::AssignmentRepository::shops_reassigning(c);
  });
  for (core::ShopId shop_id : shops) {
    try {
      const std::int64_t now = clock_.now_ms();
      std::optional<contacts::ReassignCounts> moved;
      db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
        const auto settings = contacts::AssignmentRepository::settings(c, shop_id);
        if (!settings || !settings->reassign_after_days) return;
        const std::string today = core::local_date(now, settings->time_zone);
        if (!AutomationRunRepository::claim(c, shop_id, kReassignJob, today, now)) return;
        contacts::ContactRepository::lock_assignments(c, shop_id);
        moved = contacts::reassign_open(c, shop_id, *settings, today, now);
      });
      if (!moved) continue;
      ++counts.shops;
      counts.stale += moved->stale;
      counts.away += moved->away;
      counts.deactivated += moved->deactivated;
      counts.kept += moved->kept;
    } catch (const std::exception& error) {
      spdlog::error("daily jobs of shop {} failed: {}", shop_id.value(), error.what());
    }
  }
  return counts;
}

}  // namespace rx::automation
