#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rx::bench {

// Reads the resident memory (VmRSS of /proc/PID/status) of each server process once a second on
// its own thread, from start() to stop().
class RssSampler {
 public:
  struct Sample {
    double seconds;  // since start()
    double mb;
  };
  struct Summary {
    int pid = 0;
    std::size_t samples = 0;
    double first_median_mb = 0;  // over the first `window` seconds
    double last_median_mb = 0;   // over the last `window` seconds
    double peak_mb = 0;          // the highest sample
    double hwm_mb = 0;           // the kernel's VmHWM at stop(): the peak between samples too
    bool vanished = false;       // /proc/PID was gone at some sample: the server died
    std::vector<double> minute_medians_mb;  // the shape of the curve, one a minute
  };

  explicit RssSampler(std::vector<int> pids);
  ~RssSampler();

  void start();
  void stop();
  std::vector<Summary> summarize(double window_seconds) const;

 private:
  void run();

  const std::vector<int> pids_;
  std::vector<std::vector<Sample>> samples_;  // by pid, GUARDED_BY(mutex_) while running
  std::vector<double> hwm_mb_;
  std::vector<bool> vanished_;
  std::chrono::steady_clock::time_point started_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // GUARDED_BY(mutex_)
  std::thread thread_;
};

// A /proc/PID/status figure in MB (VmRSS, VmHWM); a negative value when the process is gone.
double proc_status_mb(int pid, const std::string& field);

}  // namespace rx::bench
