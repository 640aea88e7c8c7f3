#include "auth/login_throttle.h"

#include <algorithm>

namespace rx::auth {
namespace {

constexpr std::string_view kEmailFailures = R"(
SELECT at FROM login_attempts WHERE email = ? AND succeeded = FALSE AND at > ?
ORDER BY at DESC LIMIT ?)";
constexpr std::string_view kClientFailures = R"(
SELECT at FROM login_attempts WHERE client_ip = ? AND succeeded = FALSE AND at > ?
ORDER BY at DESC LIMIT ?)";
constexpr std::string_view kLastSuccess =
    "SELECT MAX(at) FROM login_attempts WHERE email = ? AND succeeded = TRUE";
constexpr std::string_view kInsertAttempt =
    "INSERT INTO login_attempts (email, client_ip, at, succeeded) VALUES (?, ?, ?, ?)";
constexpr std::string_view kPurge = "DELETE FROM login_attempts WHERE at < ?";
constexpr std::int64_t kKeepMs = 24LL * 3600 * 1000;

}  // namespace

std::int64_t LoginThrottle::wait_ms(storage::Connection& c, std::string_view sql,
                                    const std::string& key, std::int64_t since_ms, int max_failures,
                                    std::int64_t now_ms) const {
  storage::ResultSet failures = c.query(sql, {key, since_ms, max_failures});
  if (static_cast<int>(failures.rows.size()) < max_failures) return 0;
  // The oldest of the last `max_failures` failures leaves the window first.
  const std::int64_t oldest = failures.rows.back().int_at(0);
  return std::max<std::int64_t>(0, oldest + limits_.window_ms - now_ms);
}

std::int64_t LoginThrottle::retry_after_seconds(storage::Connection& c, const std::string& email,
                                                const std::string& client_ip,
                                                std::int64_t now_ms) const {
  const std::int64_t window_start = now_ms - limits_.window_ms;
  // A successful sign-in clears the email's count; the client's count only ages out.
  const std::int64_t email_since = std::max(window_start, c.query_int(kLastSuccess, {email}));
  const std::int64_t wait = std::max(
      wait_ms(c, kEmailFailures, email, email_since, limits_.max_failures_per_email, now_ms),
      wait_ms(c, kClientFailures, client_ip, window_start, limits_.max_failures_per_client,
              now_ms));
  return wait == 0 ? 0 : (wait + 999) / 1000;
}

void LoginThrottle::record(storage::Connection& c, const std::string& email,
                           const std::string& client_ip, bool succeeded,
                           std::int64_t now_ms) const {
  c.query(kInsertAttempt, {email, client_ip, now_ms, succeeded});
  if (succeeded) c.query(kPurge, {now_ms - kKeepMs});
}

}  // namespace rx::auth
