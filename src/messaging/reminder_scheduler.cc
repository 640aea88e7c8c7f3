#include "messaging/reminder_scheduler.h"

#include "messaging/outbox_sender.h"

#include <spdlog/spdlog.h>

namespace rx::messaging {

ReminderScheduler::ReminderScheduler(storage::Database& db, const core::Clock& clock,
                                     std::chrono::seconds interval)
    : pass_(db, clock, make_worker_name()), interval_(interval) {}

ReminderScheduler::~ReminderScheduler() { stop(); }

void ReminderScheduler::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void ReminderScheduler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReminderScheduler::loop() {
  spdlog::info("reminder scheduler started (every {} s)", interval_.count());
  for (;;) {
    try {
      const PassCounts counts = pass_.run();
      if (counts.queued + counts.awaiting_approval + counts.expired + counts.sent + counts.failed >
          0) {
        spdlog::info(
            "reminder pass: {} queued, {} awaiting approval, {} expired unapproved, {} sent, {} "
            "failed, {} on the call list",
            counts.queued, counts.awaiting_approval, counts.expired, counts.sent, counts.failed,
            counts.skipped);
      }
    } catch (const std::exception& error) {
      spdlog::error("reminder pass failed: {}", error.what());
    }
    if (also_) {
      try {
        also_();
      } catch (const std::exception& error) {
        spdlog::error("scheduled job failed: {}", error.what());
      }
    }
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
  }
  spdlog::info("reminder scheduler stopped");
}

}  // namespace rx::messaging
