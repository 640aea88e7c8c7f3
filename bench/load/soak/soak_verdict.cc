#include "soak_result.h"

#include <sstream>

namespace rx::bench {

double memory_ceiling_mb(const RssSampler::Summary& memory, const SoakLimits& limits) {
  return memory.first_median_mb * (1 + limits.memory_growth_percent / 100) +
         limits.memory_growth_mb;
}

std::vector<std::string> judge(const SoakResult& result, const SoakLimits& limits) {
  std::vector<std::string> failures;
  auto add = [&failures](const auto&... parts) {
    std::ostringstream text;
    (text << ... << parts);
    failures.push_back(text.str());
  };
  std::int64_t unavailable = 0;
  for (std::size_t i = 0; i < kRequestKinds; ++i) {
    const KindStats& k = result.requests.kinds[i];
    const std::string_view name = kind_name(static_cast<RequestKind>(i));
    unavailable += k.unavailable;
    if (k.server_errors) add(name, ": ", k.server_errors, " answers 5xx other than 503");
    if (k.connection_errors) add(name, ": ", k.connection_errors, " requests without an answer");
    if (k.rate_limited) add(name, ": ", k.rate_limited, " answers 429 (nothing here is throttled)");
    if (k.unexpected) add(name, ": ", k.unexpected, " answers with an unexpected status");
    if (k.bad_answers) add(name, ": ", k.bad_answers, " answers that contradict the request");
    if (k.expected == 0) add(name, ": never answered as expected (every kind must be exercised)");
  }
  if (unavailable > limits.max_unavailable) {
    add(unavailable, " answers 503 (at most ", limits.max_unavailable, " accepted)");
  }
  for (const auto& memory : result.memory) {
    if (memory.vanished) {
      add("server ", memory.pid, " exited during the soak");
    } else if (limits.check_memory && memory.last_median_mb > memory_ceiling_mb(memory, limits)) {
      add("server ", memory.pid, ": memory grew from a median of ", memory.first_median_mb,
          " MB to ", memory.last_median_mb, " MB (ceiling ", memory_ceiling_mb(memory, limits),
          " MB)");
    }
  }
  failures.insert(failures.end(), result.writes.failures.begin(), result.writes.failures.end());
  return failures;
}

}  // namespace rx::bench
