#pragma once

#include "automation/daily_jobs.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace rx::automation {

// Runs a DailyJobs pass every `interval` on a thread of its own inside `rxtrack serve`, beside
// the reminder scheduler. Each pass does a shop's work on the first pass of its day only.
class AutomationScheduler {
 public:
  AutomationScheduler(storage::Database& db, const core::Clock& clock,
                      std::chrono::seconds interval)
      : jobs_(db, clock), interval_(interval) {}
  ~AutomationScheduler();
  AutomationScheduler(const AutomationScheduler&) = delete;
  AutomationScheduler& operator=(const AutomationScheduler&) = delete;

  void start();
  // Wakes the thread and waits for it; a pass in progress finishes first.
  void stop();

 private:
  void loop();

  DailyJobs jobs_;
  const std::chrono::seconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace rx::automation
