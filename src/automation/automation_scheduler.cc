#include "automation/automation_scheduler.h"

#include <spdlog/spdlog.h>

namespace rx::automation {

AutomationScheduler::~AutomationScheduler() { stop(); }

void AutomationScheduler::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void AutomationScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void AutomationScheduler::loop() {
  for (;;) {
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
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
  }
}

}  // namespace rx::automation
