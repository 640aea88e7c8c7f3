#pragma once

#include "request_stats.h"
#include "rss_sampler.h"
#include "write_checks.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rx::bench {

// Everything a soak measured, for the verdict and the report.
struct SoakResult {
  int clients = 0;
  std::size_t servers = 0;
  std::size_t shops = 0;
  std::size_t accounts = 0;
  double seconds = 0;        // the load's own duration (last client finished)
  double memory_window = 0;  // seconds of the first and the last memory windows
  RequestStats requests;
  std::vector<RssSampler::Summary> memory;
  WriteCheckResult writes;
};

// What the soak accepts.
struct SoakLimits {
  bool check_memory = true;
  // The last window's median RSS may exceed the first's by this share plus this amount.
  double memory_growth_percent = 20;
  double memory_growth_mb = 10;
  std::int64_t max_unavailable = 0;  // 503 answers tolerated
};

// Every reason the soak failed, in words; empty when it passed.
std::vector<std::string> judge(const SoakResult& result, const SoakLimits& limits);

// The memory a server may reach in the last window and still be called flat.
double memory_ceiling_mb(const RssSampler::Summary& memory, const SoakLimits& limits);

// The report on standard output: Markdown tables of the requests (per kind: count, req/s, p50,
// p99, statuses), the servers' memory, the writes found again, and the verdict.
void print_report(SoakResult& result, const SoakLimits& limits,
                  const std::vector<std::string>& failures);

}  // namespace rx::bench
