#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

// The wall clock as the API tests build instants and dates from it. One definition for every
// test file: the unity build compiles several of them as one unit, where two anonymous-namespace
// copies of a helper would collide.
namespace rx::test {

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

inline std::int64_t now_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

inline std::int64_t now_seconds() { return now_ms() / 1000; }

// `ms` since the epoch as RFC 3339 in UTC, written with an explicit +00:00 offset.
inline std::string rfc3339_utc(std::int64_t ms) {
  const std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char out[32];
  std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S+00:00", &tm);
  return out;
}

}  // namespace rx::test
