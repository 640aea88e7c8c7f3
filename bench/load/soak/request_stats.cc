#include "request_stats.h"

#include <algorithm>
#include <cmath>

namespace rx::bench {

void KindStats::add(const KindStats& other) {
  latency_ms.insert(latency_ms.end(), other.latency_ms.begin(), other.latency_ms.end());
  expected += other.expected;
  rate_limited += other.rate_limited;
  unavailable += other.unavailable;
  server_errors += other.server_errors;
  unexpected += other.unexpected;
  connection_errors += other.connection_errors;
  bad_answers += other.bad_answers;
}

void RequestStats::record(RequestKind kind, int status, int expected_status, double ms,
                          const std::string& body) {
  KindStats& k = of(kind);
  k.latency_ms.push_back(static_cast<float>(ms));
  if (status == expected_status) {
    ++k.expected;
    return;
  }
  if (status == 429) {
    ++k.rate_limited;
  } else if (status == 503) {
    ++k.unavailable;
  } else if (status >= 500) {
    ++k.server_errors;
  } else {
    ++k.unexpected;
  }
  if (samples.size() < kMaxSamples) {
    std::string sample(kind_name(kind));
    sample.append(" answered ").append(std::to_string(status)).append(": ");
    sample.append(body.substr(0, 300));
    samples.push_back(std::move(sample));
  }
}

void RequestStats::record_connection_error(RequestKind kind, const std::string& error) {
  ++of(kind).connection_errors;
  if (samples.size() < kMaxSamples) {
    std::string sample(kind_name(kind));
    sample.append(": no answer (").append(error).append(")");
    samples.push_back(std::move(sample));
  }
}

void RequestStats::record_bad_answer(RequestKind kind, const std::string& problem) {
  ++of(kind).bad_answers;
  if (samples.size() < kMaxSamples) {
    std::string sample(kind_name(kind));
    sample.append(": ").append(problem);
    samples.push_back(std::move(sample));
  }
}

void RequestStats::merge(const RequestStats& other) {
  for (std::size_t i = 0; i < kRequestKinds; ++i) kinds[i].add(other.kinds[i]);
  for (const auto& sample : other.samples) {
    if (samples.size() >= kMaxSamples) break;
    samples.push_back(sample);
  }
}

double percentile(std::vector<float>& values, double p) {
  if (values.empty()) return 0;
  // Nearest rank: the smallest value with at least p% of the values at or below it.
  const double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
  const auto index = std::min(static_cast<std::size_t>(std::max(rank, 1.0)) - 1, values.size() - 1);
  const auto at = values.begin() + static_cast<std::ptrdiff_t>(index);
  std::nth_element(values.begin(), at, values.end());
  return *at;
}

}  // namespace rx::bench
