#include "automation/automation_scheduler.h"

#include <spdlog/spdlog.h>

namespace rx::automation {

void AutomationScheduler::run_once() {
  try {
    const DailyJobCounts counts = jobs_.run();
    if (counts.shops > 0) {
      spdlog::info(
          "daily jobs: {} shops; moved {} stale, {} from staff away, {} from "
          "deactivated staff; {} kept for want of room",
          counts.shops, counts.stale, counts.away, counts.deactivated, counts.kept);
    }
  } catch (const std::exception& error) {
    spdlog::error("daily jobs failed: {}", error.what());
  }
}

}  // namespace rx::automation
