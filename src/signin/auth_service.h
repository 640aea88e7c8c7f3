#pragma once

#include "auth/login_throttle.h"
#include "core/clock.h"
#include "core/identity/authenticator.h"
#include "staff/staff_member.h"
#include "storage/database.h"

#include <string>

namespace rx::signin {

// A session ends 7 days after sign-in, or after 12 hours unused, whichever comes first. Its last
// use is known to within kLastSeenResolutionMs.
inline constexpr std::int64_t kLastSeenResolutionMs = 60 * 1000;

struct AuthOptions {
  std::int64_t session_ttl_ms = 7LL * 24 * 3600 * 1000;
  std::int64_t session_idle_ms = 12LL * 3600 * 1000;
  auth::ThrottleLimits throttle;
};

struct SignedIn {
  std::string token;
  staff::StaffMember staff;
};

class AuthService final : public core::Authenticator {
 public:
  AuthService(storage::Database& db, const core::Clock& clock, AuthOptions options);

  // Throws AppError(kUnauthorized), one message for an unknown email and a wrong password
  // alike (and a deactivated member), and AppError(kRateLimited) when throttled.
  SignedIn login(const std::string& email, const std::string& password,
                 const std::string& client_ip);
  void logout(const std::string& token);
  std::optional<core::Principal> authenticate(const std::string& token) override;
  // Opens a session inside the caller's transaction.
  std::string start_session(storage::Connection& c, std::int64_t shop_id, std::int64_t staff_id);
  // First-run setup signs the new owner in: a session, and its sign-in in the audit log.
  std::string start_first_session(storage::Connection& c, std::int64_t shop_id,
                                  std::int64_t staff_id, const std::string& client_ip);
  std::int64_t session_ttl_seconds() const { return options_.session_ttl_ms / 1000; }

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  AuthOptions options_;
  auth::LoginThrottle throttle_;
};

}  // namespace rx::signin
