#pragma once

#include "request_kind.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace rx::bench {

// What came back for the requests of one kind. Every answered request's latency is kept (a
// five-minute soak makes some 100,000: less than a megabyte).
struct KindStats {
  std::vector<float> latency_ms;
  std::int64_t expected = 0;           // the status the request should get (200 or 201)
  std::int64_t rate_limited = 0;       // 429
  std::int64_t unavailable = 0;        // 503: the server's "busy, try again"
  std::int64_t server_errors = 0;      // any other 5xx
  std::int64_t unexpected = 0;         // any other status
  std::int64_t connection_errors = 0;  // no answer at all (refused, reset, timed out)
  std::int64_t bad_answers = 0;        // the expected status with a body that says something wrong

  std::int64_t answered() const {
    return expected + rate_limited + unavailable + server_errors + unexpected;
  }
  void add(const KindStats& other);
};

// One client's tally, merged into the run's at the end.
struct RequestStats {
  static constexpr std::size_t kMaxSamples = 10;

  std::array<KindStats, kRequestKinds> kinds;
  std::vector<std::string> samples;  // the first wrong answers, for the report

  KindStats& of(RequestKind kind) { return kinds[static_cast<std::size_t>(kind)]; }
  const KindStats& of(RequestKind kind) const { return kinds[static_cast<std::size_t>(kind)]; }

  // Files one answered request: `status` against `expected_status`; keeps a sample of `body`
  // when the status is not the expected one.
  void record(RequestKind kind, int status, int expected_status, double ms,
              const std::string& body);
  void record_connection_error(RequestKind kind, const std::string& error);
  void record_bad_answer(RequestKind kind, const std::string& problem);
  void merge(const RequestStats& other);
};

// The p-th percentile (0..100) of `values` (sorted in place); 0 for none.
double percentile(std::vector<float>& values, double p);

}  // namespace rx::bench
