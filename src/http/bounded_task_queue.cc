#include "http/bounded_task_queue.h"

namespace rx::http {
namespace {

constexpr std::size_t kRejectingThreads = 2;
thread_local bool t_rejecting = false;

}  // namespace

BoundedTaskQueue::BoundedTaskQueue(std::size_t workers, std::size_t max_queued)
    : workers_(workers), max_queued_(max_queued) {
  for (std::size_t i = 0; i < workers_; ++i)
    serving_.threads.emplace_back([this] { run(serving_, false); });
  for (std::size_t i = 0; i < kRejectingThreads; ++i)
    rejecting_.threads.emplace_back([this] { run(rejecting_, true); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

bool BoundedTaskQueue::overloaded() { return t_rejecting; }

void BoundedTaskQueue::enqueue(std::function<void()> job) {
  {
    std::lock_guard lock(mutex_);
    // Counted as served-or-waiting, so the bound does not depend on how quickly a worker
    // picks the job up.
    const bool room = running_ + serving_.jobs.size() < workers_ + max_queued_;
    (room ? serving_ : rejecting_).jobs.push_back(std::move(job));
  }
  wake_.notify_all();
}

void BoundedTaskQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    if (shutdown_) return;
    shutdown_ = true;
  }
  wake_.notify_all();
  for (Lane* lane : {&serving_, &rejecting_}) {
    for (auto& t : lane->threads) t.join();
  }
}

void BoundedTaskQueue::run(Lane& lane, bool rejecting) {
  t_rejecting = rejecting;
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return !lane.jobs.empty() || shutdown_; });
      // Jobs still queued at shutdown are served: each holds a socket only it will close.
      if (lane.jobs.empty()) return;
      job = std::move(lane.jobs.front());
      lane.jobs.pop_front();
      if (!rejecting) ++running_;
    }
    job();
    if (!rejecting) {
      std::lock_guard lock(mutex_);
      --running_;
    }
  }
}

}  // namespace rx::http
