#pragma once

#include "core/error.h"
#include "storage/database.h"

#include <cstdint>
#include <string>

namespace rx::auth {

struct ThrottleLimits {
  int max_failures_per_email = 5;
  int max_failures_per_client = 20;
  std::int64_t window_ms = 15 * 60 * 1000;
};

// What an attempt tries: a password against an account (signing in, or the current password of
// a password change; they share one count per email), or first-run setup (counted per client
// address alone).
enum class AttemptKind { kSignIn, kSetup };

// An attempt let through is recorded at once as failed, before the password is checked, so that
// attempts running in parallel count each other; mark_succeeded turns it into a success.
struct Admission {
  std::int64_t attempt_id = 0;
  std::int64_t retry_after_seconds = 0;  // > 0: refused, and nothing was recorded
  bool admitted() const { return retry_after_seconds == 0; }
};

// Rate limit per email and per client address, kept in the database so that every
// `rxtrack serve` process sharing it enforces the same count.
class LoginThrottle {
 public:
  explicit LoginThrottle(ThrottleLimits limits) : limits_(limits) {}

  // Checks and records an attempt as one step. Runs inside the caller's write transaction: on
  // SQLite its write lock orders the attempts of every process; on PostgreSQL, advisory locks
  // on the email and on the address (taken in that order) do, and each count runs after the
  // previous holder committed, so READ COMMITTED sees its attempt. `email` is unused for kSetup.
  Admission admit(storage::Connection& c, AttemptKind kind, const std::string& email,
                  const std::string& client_ip, std::int64_t now_ms) const;
  // A right password (or a shop set up): the email's failures no longer count.
  void mark_succeeded(storage::Connection& c, std::int64_t attempt_id, std::int64_t now_ms) const;

 private:
  std::int64_t wait_ms(storage::Connection& c, std::string_view sql, const storage::Params& params,
                       int max_failures, std::int64_t now_ms) const;

  ThrottleLimits limits_;
};

// 429 "rate_limited" with details.retry_after_seconds (routes copy it into Retry-After).
core::AppError rate_limited(std::string message, std::int64_t retry_after_seconds);

}  // namespace rx::auth
