#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>

namespace rx::http {

// Lets at most `capacity` callers in at once, in the order they arrived; the others wait.
//
// Each keep-alive connection has its own thread, which mostly waits for the network. Left to
// themselves, 32 busy connections on 2 cores meant 32 handlers time-sliced by the scheduler: a
// request could be preempted half-way for every other one, and the slowest 1% took five times
// the median. Running a few handlers at a time, first come first served, makes each request's
// wait the work queued ahead of it, and spares the switching.
class FairGate {
 public:
  explicit FairGate(std::size_t capacity) : free_(capacity) {}
  FairGate(const FairGate&) = delete;
  FairGate& operator=(const FairGate&) = delete;

  // Callers waiting now (for tests and metrics).
  std::size_t waiting() const;

  // Held while inside; leaving hands the place to the longest waiter.
  class Pass {
   public:
    explicit Pass(FairGate& gate) : gate_(gate) { gate_.enter(); }
    ~Pass() { gate_.leave(); }
    Pass(const Pass&) = delete;
    Pass& operator=(const Pass&) = delete;

   private:
    FairGate& gate_;
  };

 private:
  struct Waiter {
    std::condition_variable admitted_changed;
    bool admitted = false;
  };

  void enter();
  void leave();

  mutable std::mutex mutex_;
  std::size_t free_;             // guarded by mutex_
  std::deque<Waiter*> waiting_;  // guarded by mutex_; oldest first
};

}  // namespace rx::http
