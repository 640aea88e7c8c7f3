#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>

namespace rx::import {

// Hands items from one producer thread to one consumer thread through a queue of at most
// `capacity` items, so the two work at once while memory stays bounded. Either side may end it:
// the producer closes (the consumer drains what is queued), the consumer stops (queued items are
// dropped and the producer's next push fails, so it can give up early).
template <class T>
class BoundedChannel {
 public:
  explicit BoundedChannel(std::size_t capacity) : capacity_(capacity) {}

  // Blocks while the queue is full; false once the consumer has stopped.
  bool push(T&& item) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || items_.size() < capacity_; });
    if (stopped_) return false;
    items_.push_back(std::move(item));
    changed_.notify_all();
    return true;
  }

  // The producer is done.
  void close() {
    const std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }

  // Blocks until an item is queued; false when the producer has closed and all were taken.
  bool pop(T& item) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return false;
    item = std::move(items_.front());
    items_.pop_front();
    changed_.notify_all();
    return true;
  }

  // The consumer wants no more items; unblocks the producer.
  void stop() {
    const std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    items_.clear();
    changed_.notify_all();
  }

 private:
  const std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<T> items_;   // guarded by mutex_
  bool closed_ = false;   // guarded by mutex_
  bool stopped_ = false;  // guarded by mutex_
};

// Owns the thread that feeds a channel (a BoundedChannel, or anything with stop()). When it goes,
// also when the consumer throws, it stops the channel, so that the producer's next push fails
// and it gives up, and joins the thread.
template <class Channel>
class ProducerThread {
 public:
  ProducerThread(Channel& channel, std::thread thread)
      : channel_(channel), thread_(std::move(thread)) {}
  ~ProducerThread() {
    channel_.stop();
    thread_.join();
  }
  ProducerThread(const ProducerThread&) = delete;
  ProducerThread& operator=(const ProducerThread&) = delete;

 private:
  Channel& channel_;
  std::thread thread_;
};

}  // namespace rx::import
