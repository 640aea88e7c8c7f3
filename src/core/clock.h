#pragma once

#include <chrono>
#include <cstdint>

namespace rx::core {

// The service's notion of "now", injected so that jobs and tests never depend on the wall clock.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::int64_t now_ms() const = 0;  // milliseconds since the Unix epoch, UTC
};

class SystemClock final : public Clock {
 public:
  std::int64_t now_ms() const override {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
  }
};

// A clock that says what it is told: tests, and the demo filling in 90 days of history.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(std::int64_t now_ms) : now_ms_(now_ms) {}
  std::int64_t now_ms() const override { return now_ms_; }
  void set(std::int64_t now_ms) { now_ms_ = now_ms; }

 private:
  std::int64_t now_ms_;
};

}  // namespace rx::core
