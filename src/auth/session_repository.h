#pragma once

#include "core/identity/principal.h"
#include "storage/database.h"

#include <optional>
#include <string>

namespace rx::auth {

struct LiveSession {
  Principal principal;
  std::int64_t last_seen_at = 0;  // 0: not written yet (a session older than the column)
};

// Sessions live in the database so that several `rxtrack serve` processes share them and a
// revocation is seen by all of them at once.
// Failures: every call throws the driver's AppError (storage/driver_error.h): kUnavailable when
// the database is busy or unreachable, kConflict for a unique or foreign key violation.
// find_live() throws AppError(kInternal) for a stored role this version does not know.
class SessionRepository {
 public:
  static void create(storage::Connection& c, const std::string& token_hash, std::int64_t shop_id,
                     std::int64_t staff_id, std::int64_t now_ms, std::int64_t expires_at_ms);
  // A live session of an active staff member: not revoked, not past its end, and used after
  // `idle_since_ms` (or never seen since last_seen_at was added). Otherwise nothing.
  static std::optional<LiveSession> find_live(storage::Connection& c, const std::string& token_hash,
                                              std::int64_t now_ms, std::int64_t idle_since_ms);
  // Records a use at `now_ms` unless one after `unless_seen_after_ms` is already recorded (by
  // another request or process).
  static void touch(storage::Connection& c, const std::string& token_hash, std::int64_t now_ms,
                    std::int64_t unless_seen_after_ms);
  static void revoke(storage::Connection& c, const std::string& token_hash, std::int64_t now_ms);
  // Every session of the staff member but `keep_token_hash` (after a password change).
  static void revoke_others(storage::Connection& c, std::int64_t shop_id, std::int64_t staff_id,
                            const std::string& keep_token_hash, std::int64_t now_ms);
  static void revoke_all_for_staff(storage::Connection& c, std::int64_t shop_id,
                                   std::int64_t staff_id, std::int64_t now_ms);
};

}  // namespace rx::auth
