#include "soak_result.h"

#include <cstdio>
#include <string>

namespace rx::bench {
namespace {

void print_requests(SoakResult& result) {
  std::printf(
      "| request | answered | req/s | p50 ms | p99 ms | max ms | expected | 429 | 503 | other 5xx "
      "| "
      "other status | no answer | wrong body |\n");
  std::printf("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
  KindStats all;
  for (const KindStats& k : result.requests.kinds) all.add(k);
  auto row = [&result](const std::string& name, KindStats& k) {
    const auto answered = static_cast<double>(k.answered());
    std::printf(
        "| %s | %lld | %.1f | %.1f | %.1f | %.0f | %lld | %lld | %lld | %lld | %lld | %lld | %lld "
        "|\n",
        name.c_str(), static_cast<long long>(k.answered()), answered / result.seconds,
        percentile(k.latency_ms, 50), percentile(k.latency_ms, 99), percentile(k.latency_ms, 100),
        static_cast<long long>(k.expected), static_cast<long long>(k.rate_limited),
        static_cast<long long>(k.unavailable), static_cast<long long>(k.server_errors),
        static_cast<long long>(k.unexpected), static_cast<long long>(k.connection_errors),
        static_cast<long long>(k.bad_answers));
  };
  for (std::size_t i = 0; i < kRequestKinds; ++i) {
    row(std::string(kind_name(static_cast<RequestKind>(i))), result.requests.kinds[i]);
  }
  row("**all**", all);
}

void print_memory(const SoakResult& result, const SoakLimits& limits) {
  std::printf(
      "| server pid | samples | first %.0f s median MB | last %.0f s median MB | peak sample MB "
      "| VmHWM MB | flat if last <= | median of each minute, MB |\n",
      result.memory_window, result.memory_window);
  std::printf("|---|---|---|---|---|---|---|---|\n");
  for (const auto& m : result.memory) {
    char ceiling[32] = "not checked";
    if (limits.check_memory) {
      std::snprintf(ceiling, sizeof ceiling, "%.1f", memory_ceiling_mb(m, limits));
    }
    std::string minutes;
    for (const double mb : m.minute_medians_mb) {
      char text[16];
      std::snprintf(text, sizeof text, "%s%.0f", minutes.empty() ? "" : " ", mb);
      minutes.append(text);
    }
    std::printf("| %d%s | %zu | %.1f | %.1f | %.1f | %.1f | %s | %s |\n", m.pid,
                m.vanished ? " (exited)" : "", m.samples, m.first_median_mb, m.last_median_mb,
                m.peak_mb, m.hwm_mb, ceiling, minutes.c_str());
  }
}

}  // namespace

void print_report(SoakResult& result, const SoakLimits& limits,
                  const std::vector<std::string>& failures) {
  std::printf("### Soak: %d clients, %.0f s, %zu server%s, %zu shops, %zu accounts\n\n",
              result.clients, result.seconds, result.servers, result.servers == 1 ? "" : "s",
              result.shops, result.accounts);
  print_requests(result);
  std::printf("\n");
  print_memory(result, limits);
  const WriteCheckResult& w = result.writes;
  std::printf(
      "\nWrites found again through the API: %lld bills (with their customer and total), %lld "
      "customers' visit counts and spend, %lld conversions, %lld interactions, %lld uploads "
      "(%lld contacts).\n",
      static_cast<long long>(w.bills), static_cast<long long>(w.customers),
      static_cast<long long>(w.conversions), static_cast<long long>(w.interactions),
      static_cast<long long>(w.uploads), static_cast<long long>(w.upload_contacts));
  if (!result.requests.samples.empty()) {
    std::printf("\nFirst answers that were not the expected ones:\n");
    for (const auto& sample : result.requests.samples) std::printf("- %s\n", sample.c_str());
  }
  if (failures.empty()) {
    std::printf("\nSOAK PASSED\n");
    return;
  }
  std::printf("\nSOAK FAILED:\n");
  for (const auto& failure : failures) std::printf("- %s\n", failure.c_str());
}

}  // namespace rx::bench
