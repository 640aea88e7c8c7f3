#pragma once

#include "automation/daily_jobs.h"
#include "core/periodic_thread.h"

#include <chrono>

namespace rx::automation {

// Runs a DailyJobs pass every `interval` on a thread of its own inside `rxtrack serve`, beside
// the reminder scheduler. Each pass does a shop's work on the first pass of its day only.
class AutomationScheduler {
 public:
  AutomationScheduler(storage::Database& db, const core::Clock& clock,
                      std::chrono::seconds interval)
      : jobs_(db, clock), thread_(interval, [this] { run_once(); }) {}
  AutomationScheduler(const AutomationScheduler&) = delete;
  AutomationScheduler& operator=(const AutomationScheduler&) = delete;

  void start() { thread_.start(); }
  // Wakes the thread and waits for it; a pass in progress finishes first.
  void stop() { thread_.stop(); }

 private:
  // One DailyJobs pass; logs what it moved or why it failed, never throws.
  void run_once();

  DailyJobs jobs_;
  core::PeriodicThread thread_;  // last: stopped before the jobs it runs are destroyed
};

}  // namespace rx::automation
