#pragma once

#include "auth/principal.h"
#include "storage/database.h"

#include <optional>
#include <string>

namespace rx::auth {

// Sessions live in the database so that several `rxtrack serve` processes share them and a
// revocation is seen by all of them at once.
class SessionRepository {
 public:
  static void create(storage::Connection& c, const std::string& token_hash, std::int64_t shop_id,
                     std::int64_t staff_id, std::int64_t now_ms, std::int64_t expires_at_ms);
  // The principal of a live session of an active staff member, or nothing.
  static std::optional<Principal> find_live(storage::Connection& c, const std::string& token_hash,
                                            std::int64_t now_ms);
  static void revoke(storage::Connection& c, const std::string& token_hash, std::int64_t now_ms);
  // Every session of the staff member but `keep_token_hash` (after a password change).
  static void revoke_others(storage::Connection& c, std::int64_t shop_id, std::int64_t staff_id,
                            const std::string& keep_token_hash, std::int64_t now_ms);
  static void revoke_all_for_staff(storage::Connection& c, std::int64_t shop_id,
                                   std::int64_t staff_id, std::int64_t now_ms);
};

}  // namespace rx::auth
