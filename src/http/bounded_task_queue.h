#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace rx::http {

// httplib's connection queue with a bound. Each accepted connection is a job; `workers` threads
// serve them and at most `max_queued` more wait for a worker. Past that, the connection goes to
// a small crew of rejecting threads instead, which answer its request with 503 at once (see
// overloaded()), so that a flood of connections costs a quick refusal rather than an ever longer
// queue. (cpp-httplib 0.11 gives a task queue no way to refuse a job, and the job hides its
// socket, so the refusal has to be spoken by httplib itself, on another thread.)
class BoundedTaskQueue final : public httplib::TaskQueue {
 public:
  BoundedTaskQueue(std::size_t workers, std::size_t max_queued);
  ~BoundedTaskQueue() override;

  void enqueue(std::function<void()> job) override;
  void shutdown() override;

  // True on a rejecting thread: the request in hand is to be answered 503.
  static bool overloaded();

 private:
  struct Lane {
    std::deque<std::function<void()>> jobs;
    std::vector<std::thread> threads;
  };
  void run(Lane& lane, bool rejecting);

  const std::size_t workers_;
  const std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  Lane serving_;             // GUARDED_BY(mutex_) for jobs
  Lane rejecting_;           // GUARDED_BY(mutex_) for jobs
  std::size_t running_ = 0;  // GUARDED_BY(mutex_): jobs being served right now
  bool shutdown_ = false;    // GUARDED_BY(mutex_)
};

}  // namespace rx::http
