#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace rx::core {

// Runs `step` at once and then every `interval` on a thread of its own, until stopped. `step`
// must not throw (an exception leaving it ends the process): each caller logs its own failures.
class PeriodicThread {
 public:
  PeriodicThread(std::chrono::seconds interval, std::function<void()> step)
      : interval_(interval), step_(std::move(step)) {}
  ~PeriodicThread() { stop(); }
  PeriodicThread(const PeriodicThread&) = delete;
  PeriodicThread& operator=(const PeriodicThread&) = delete;

  // Starts the thread; a second call does nothing.
  void start();
  // Wakes the thread and waits for it; a step in progress finishes first.
  void stop();
  std::chrono::seconds interval() const { return interval_; }

 private:
  void loop();

  const std::chrono::seconds interval_;
  const std::function<void()> step_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

}  // namespace rx::core
