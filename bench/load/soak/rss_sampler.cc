#include "rss_sampler.h"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rx::bench {
namespace {

constexpr auto kInterval = std::chrono::seconds(1);

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2);
  std::nth_element(values.begin(), middle, values.end());
  return *middle;
}

}  // namespace

double proc_status_mb(int pid, const std::string& field) {
  std::string path = "/proc/";
  path.append(std::to_string(pid)).append("/status");
  std::ifstream status(path);
  std::string line;
  const std::string key = field + ":";
  while (std::getline(status, line)) {
    if (line.compare(0, key.size(), key) != 0) continue;
    std::istringstream value(line.substr(key.size()));
    double kb = 0;
    value >> kb;
    return kb / 1024.0;
  }
  return -1;
}

RssSampler::RssSampler(std::vector<int> pids)
    : pids_(std::move(pids)),
      samples_(pids_.size()),
      hwm_mb_(pids_.size(), 0),
      vanished_(pids_.size(), false) {}

RssSampler::~RssSampler() { stop(); }

void RssSampler::start() {
  started_ = std::chrono::steady_clock::now();
  thread_ = std::thread([this] { run(); });
}

void RssSampler::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || !thread_.joinable()) return;
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
  for (std::size_t i = 0; i < pids_.size(); ++i) {
    hwm_mb_[i] = proc_status_mb(pids_[i], "VmHWM");
    if (hwm_mb_[i] < 0) vanished_[i] = true;
  }
}

void RssSampler::run() {
  std::unique_lock lock(mutex_);
  for (auto next = std::chrono::steady_clock::now(); !stopping_; next += kInterval) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
    for (std::size_t i = 0; i < pids_.size(); ++i) {
      const double mb = proc_status_mb(pids_[i], "VmRSS");
      if (mb < 0) {
        vanished_[i] = true;
      } else {
        samples_[i].push_back({seconds, mb});
      }
    }
    wake_.wait_until(lock, next + kInterval, [this] { return stopping_; });
  }
}

std::vector<RssSampler::Summary> RssSampler::summarize(double window_seconds) const {
  std::lock_guard lock(mutex_);
  std::vector<Summary> out;
  for (std::size_t i = 0; i < pids_.size(); ++i) {
    Summary s;
    s.pid = pids_[i];
    s.samples = samples_[i].size();
    s.hwm_mb = hwm_mb_[i];
    s.vanished = vanished_[i];
    const double end = samples_[i].empty() ? 0 : samples_[i].back().seconds;
    std::vector<double> first;
    std::vector<double> last;
    std::vector<std::vector<double>> minutes;
    for (const Sample& sample : samples_[i]) {
      if (sample.seconds <= window_seconds) first.push_back(sample.mb);
      if (sample.seconds >= end - window_seconds) last.push_back(sample.mb);
      s.peak_mb = std::max(s.peak_mb, sample.mb);
      const auto minute = static_cast<std::size_t>(sample.seconds / 60);
      if (minutes.size() <= minute) minutes.resize(minute + 1);
      minutes[minute].push_back(sample.mb);
    }
    s.first_median_mb = median(first);
    s.last_median_mb = median(last);
    for (const auto& minute : minutes) s.minute_medians_mb.push_back(median(minute));
    out.push_back(s);
  }
  return out;
}

}  // namespace rx::bench
