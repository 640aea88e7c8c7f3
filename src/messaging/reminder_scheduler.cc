#include "messaging/reminder_scheduler.h"

#include "messaging/outbox_sender.h"

#include <spdlog/spdlog.h>

namespace rx::messaging {

ReminderScheduler::ReminderScheduler(storage::Database& db, const core::Clock& clock,
                                     std::chrono::seconds interval)
    : pass_(db, clock, make_worker_name()), thread_(interval, [this] { run_once(); }) {}

void ReminderScheduler::start() {
  spdlog::info("reminder scheduler started (every {} s)", thread_.interval().count());
  thread_.start();
}

void ReminderScheduler::stop() { thread_.stop(); }

void ReminderScheduler::run_once() {
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
}

}  // namespace rx::messaging
