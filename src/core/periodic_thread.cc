#include "core/periodic_thread.h"

namespace rx::core {

void PeriodicThread::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { loop(); });
}

void PeriodicThread::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicThread::loop() {
  for (;;) {
    step_();
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, interval_, [this] { return stopping_; })) break;
  }
}

}  // namespace rx::core
