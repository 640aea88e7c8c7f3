#include "auth/login_throttle.h"

#include "storage/table.h"

#include <algorithm>

namespace rx::auth {
namespace {

constexpr std::string_view kEmailFailures = R"(
SELECT at FROM login_attempts WHERE email = ? AND kind = ? AND succeeded = FALSE AND at > ?
ORDER BY at DESC LIMIT ?)";
constexpr std::string_view kClientFailures = R"(
SELECT at FROM login_attempts WHERE client_ip = ? AND kind = ? AND succeeded = FALSE AND at > ?
ORDER BY at DESC LIMIT ?)";
constexpr std::string_view kLastSuccess =
    "SELECT MAX(at) FROM login_attempts WHERE email = ? AND kind = ? AND succeeded = TRUE";
constexpr std::string_view kInsertAttempt =
    "INSERT INTO login_attempts (email, client_ip, at, succeeded, kind) VALUES (?, ?, ?, FALSE, ?)";
constexpr std::string_view kMarkSucceeded =
    "UPDATE login_attempts SET succeeded = TRUE WHERE id = ?";
constexpr std::string_view kPurge = "DELETE FROM login_attempts WHERE at < ?";
constexpr std::int64_t kKeepMs = 24LL * 3600 * 1000;

constexpr std::string_view kTakeLock =
    "SELECT pg_advisory_xact_lock(CAST(? AS INTEGER), hashtext(?))";
// Name the throttle's per-email and per-address locks among PostgreSQL advisory locks.
constexpr std::int64_t kEmailLockSpace = 727274003;
constexpr std::int64_t kClientLockSpace = 727274004;

// A failed attempt as wait_ms() reads it: when it happened, the one column its queries select.
struct Failure {
  std::int64_t at = 0;
};
constexpr storage::Table kFailure(storage::column("at", &Failure::at));

std::string_view kind_name(AttemptKind kind) {
  return kind == AttemptKind::kSetup ? "setup" : "sign_in";
}

}  // namespace

std::int64_t LoginThrottle::wait_ms(storage::Connection& c, std::string_view sql,
                                    const storage::Params& params, int max_failures,
                                    std::int64_t now_ms) const {
  const std::vector<std::int64_t> failures = storage::rows_as(
      c, sql, params, [](const storage::RowView& row) { return kFailure.read(row).at; });
  if (static_cast<int>(failures.size()) < max_failures) return 0;
  // The oldest of the last `max_failures` failures leaves the window first.
  const std::int64_t oldest = failures.back();
  return std::max<std::int64_t>(1, oldest + limits_.window_ms - now_ms);
}

Admission LoginThrottle::admit(storage::Connection& c, AttemptKind kind, const std::string& email,
                               const std::string& client_ip, std::int64_t now_ms) const {
  const std::string kind_text(kind_name(kind));
  const bool per_email = kind == AttemptKind::kSignIn;
  if (c.dialect() == storage::Dialect::kPostgres) {
    if (per_email) c.query(kTakeLock, {kEmailLockSpace, email});
    c.query(kTakeLock, {kClientLockSpace, client_ip});
  }
  const std::int64_t window_start = now_ms - limits_.window_ms;
  std::int64_t wait = 0;
  if (per_email) {
    // A success clears the email's count; the address's count only ages out.
    const std::int64_t since =
        std::max(window_start, c.query_int(kLastSuccess, {email, kind_text}));
    wait = wait_ms(c, kEmailFailures, {email, kind_text, since, limits_.max_failures_per_email},
                   limits_.max_failures_per_email, now_ms);
  }
  wait =
      std::max(wait, wait_ms(c, kClientFailures,
                             {client_ip, kind_text, window_start, limits_.max_failures_per_client},
                             limits_.max_failures_per_client, now_ms));
  Admission admission;
  if (wait > 0) {
    admission.retry_after_seconds = (wait + 999) / 1000;
    return admission;
  }
  admission.attempt_id = c.insert_returning_id(
      kInsertAttempt, {per_email ? email : std::string(), client_ip, now_ms, kind_text});
  return admission;
}

void LoginThrottle::mark_succeeded(storage::Connection& c, std::int64_t attempt_id,
                                   std::int64_t now_ms) const {
  c.query(kMarkSucceeded, {attempt_id});
  c.query(kPurge, {now_ms - kKeepMs});
}

core::AppError rate_limited(std::string message, std::int64_t retry_after_seconds) {
  return core::AppError(core::ErrorCode::kRateLimited, std::move(message),
                        {{"retry_after_seconds", retry_after_seconds}});
}

}  // namespace rx::auth
