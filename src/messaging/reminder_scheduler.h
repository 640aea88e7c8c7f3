#pragma once

#include "core/clock.h"
#include "core/periodic_thread.h"
#include "messaging/remind_pass.h"
#include "storage/database.h"

#include <chrono>
#include <functional>

namespace rx::messaging {

// Runs a RemindPass every `interval` on a thread of its own inside `rxtrack serve`. Several
// processes may run one on the same database: the outbox claim keeps each message to one sender.
class ReminderScheduler {
 public:
  ReminderScheduler(storage::Database& db, const core::Clock& clock, std::chrono::seconds interval);
  ReminderScheduler(const ReminderScheduler&) = delete;
  ReminderScheduler& operator=(const ReminderScheduler&) = delete;

  // A job run after each remind pass on the same thread (the insights' nightly training); its
  // failures are logged. Set before start().
  void also_each_pass(std::function<void()> job) { also_ = std::move(job); }

  void start();
  // Wakes the thread and waits for it; a pass in progress finishes its current send first.
  void stop();

 private:
  // One pass and the job after it; logs what fails, never throws.
  void run_once();

  RemindPass pass_;
  std::function<void()> also_;
  core::PeriodicThread thread_;  // last: stopped before the pass it runs is destroyed
};

}  // namespace rx::messaging
