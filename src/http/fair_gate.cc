#include "http/fair_gate.h"

namespace rx::http {

void FairGate::enter() {
  std::unique_lock<std::mutex> lock(mutex_);
  if (free_ > 0 && waiting_.empty()) {
    --free_;
    return;
  }
  Waiter self;
  waiting_.push_back(&self);
  self.admitted_changed.wait(lock, [&] { return self.admitted; });
}

std::size_t FairGate::waiting() const {
  const std::lock_guard<std::mutex> lock(mutex_);
  return waiting_.size();
}

void FairGate::leave() {
  const std::lock_guard<std::mutex> lock(mutex_);
  if (waiting_.empty()) {
    ++free_;
    return;
  }
  // The place passes straight to the oldest waiter, so a newcomer cannot take it first. The
  // waiter lives on its own stack: wake it while holding the lock, before it can return.
  Waiter* next = waiting_.front();
  waiting_.pop_front();
  next->admitted = true;
  next->admitted_changed.notify_one();
}

}  // namespace rx::http
