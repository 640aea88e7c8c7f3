#pragma once

#include "storage/database.h"

#include <cstdint>
#include <string>

namespace rx::auth {

struct ThrottleLimits {
  int max_failures_per_email = 5;
  int max_failures_per_client = 20;
  std::int64_t window_ms = 15 * 60 * 1000;
};

// Sign-in rate limit per email and per client address, kept in the database so that every
// `rxtrack serve` process sharing it enforces the same count.
class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits) : limits_(limits) {}

  // Seconds to wait before another attempt is allowed, or 0.
  std::int64_t retry_after_seconds(storage::Connection& c, const std::string& email,
                                   const std::string& client_ip, std::int64_t now_ms) const;
  void record(storage::Connection& c, const std::string& email, const std::string& client_ip,
              bool succeeded, std::int64_t now_ms) const;

 private:
  std::int64_t wait_ms(storage::Connection& c, std::string_view sql, const std::string& key,
                       std::int64_t since_ms, int max_failures, std::int64_t now_ms) const;

  ThrottleLimits limits_;
};

}  // namespace rx::auth
