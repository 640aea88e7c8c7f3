#include "signin/auth_service.h"

#include "audit/audit_log.h"
#include "auth/password_hasher.h"
#include "auth/session_repository.h"
#include "core/error.h"
#include "core/json_fields.h"
#include "staff/staff_repository.h"

namespace rx::signin {

using core::AppError;
using core::ErrorCode;

AuthService::AuthService(storage::Database& db, const core::Clock& clock, AuthOptions options)
    : db_(db), clock_(clock), options_(options), throttle_(options.throttle) {}

SignedIn AuthService::login(const std::string& raw_email, const std::string& password,
                            const std::string& client_ip) {
  const std::string email = core::to_lower(core::trim(raw_email));
  std::optional<staff::Credentials> credentials;
  auth::Admission admission;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    admission = throttle_.admit(c, auth::AttemptKind::kSignIn, email, client_ip, clock_.now_ms());
    if (admission.admitted()) credentials = staff::StaffRepository::credentials_by_email(c, email);
  });
  if (!admission.admitted()) {
    throw auth::rate_limited("too many sign-in attempts; try again later",
                             admission.retry_after_seconds);
  }
  // Verify against a decoy when the email is unknown, so timing does not reveal who exists.
  const std::string& hash =
      credentials ? credentials->password_hash : auth::PasswordHasher::decoy_hash();
  const bool password_ok = auth::PasswordHasher::verify(hash, password);
  const bool ok = credentials && credentials->active && password_ok;
  // A hash of an older cost is replaced now that the password is known to be right.
  const std::optional<std::string> upgraded_hash =
      ok && auth::PasswordHasher::needs_rehash(credentials->password_hash)
          ? std::optional<std::string>(auth::PasswordHasher::hash(password))
          : std::nullopt;
  // A failure is already counted (admit recorded it); only an unknown email leaves nothing else.
  if (!credentials) throw AppError(ErrorCode::kUnauthorized, "wrong email or password");

  SignedIn result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    // Only where the email names someone is a shop known to hold the entry.
    nlohmann::json details;
    if (!ok) details = {{"reason", password_ok ? "inactive" : "wrong_password"}};
    audit::append(
        c, {credentials->shop_id, credentials->staff_id, ok ? audit::kSignIn : audit::kSignInFailed,
            "staff", credentials->staff_id, details, client_ip, clock_.now_ms()});
    if (!ok) return;
    throttle_.mark_succeeded(c, admission.attempt_id, clock_.now_ms());
    if (upgraded_hash) {
      staff::StaffRepository::set_password_hash(c, credentials->shop_id, credentials->staff_id,
                                                *upgraded_hash, clock_.now_ms());
    }
    result.token = start_session(c, credentials->shop_id, credentials->staff_id);
    result.staff = *staff::StaffRepository::find(c, credentials->shop_id, credentials->staff_id);
  });
  if (!ok) throw AppError(ErrorCode::kUnauthorized, "wrong email or password");
  return result;
}

std::string AuthService::start_session(storage::Connection& c, std::int64_t shop_id,
                                       std::int64_t staff_id) {
  std::string token = auth::new_session_token();
  const std::int64_t now = clock_.now_ms();
  auth::SessionRepository::create(c, auth::token_digest(token), shop_id, staff_id, now,
                                  now + options_.session_ttl_ms);
  return token;
}

std::string AuthService::start_first_session(storage::Connection& c, std::int64_t shop_id,
                                             std::int64_t staff_id, const std::string& client_ip) {
  std::string token = start_session(c, shop_id, staff_id);
  audit::append(c, {shop_id,
                    staff_id,
                    audit::kSignIn,
                    "staff",
                    staff_id,
                    {{"via", "setup"}},
                    client_ip,
                    clock_.now_ms()});
  return token;
}

void AuthService::logout(const std::string& token) {
  db_.with_connection([&](storage::Connection& c) {
    auth::SessionRepository::revoke(c, auth::token_digest(token), clock_.now_ms());
  });
}

std::optional<core::Principal> AuthService::authenticate(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::nullopt;
  std::optional<core::Principal> principal;
  db_.with_connection([&](storage::Connection& c) {
    const std::string digest = auth::token_digest(token);
    const std::int64_t now = clock_.now_ms();
    std::optional<auth::LiveSession> live =
        auth::SessionRepository::find_live(c, digest, now, now - options_.session_idle_ms);
    if (!live) return;
    // Reads are hot: the last use is written at most once a minute per session. A write that
    // fails (SQLite busy past its timeout) only leaves the record a minute later: the request
    // goes on.
    if (live->last_seen_at < now - kLastSeenResolutionMs) {
      try {
        auth::SessionRepository::touch(c, digest, now, now - kLastSeenResolutionMs);
      } catch (const core::AppError&) {
      }
    }
    principal = std::move(live->principal);
  });
  return principal;
}

}  // namespace rx::signin
