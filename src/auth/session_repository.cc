#include "auth/session_repository.h"

#include "storage/table.h"

#include <string>

namespace rx::auth {
namespace {

constexpr std::string_view kInsertSession = R"(
INSERT INTO sessions (token_hash, shop_id, staff_id, created_at, expires_at, last_seen_at)
VALUES (?, ?, ?, ?, ?, ?))";

// The signed-in principal, read from the session's staff member (st) and shop (sh), then the
// session's last use (se).
constexpr storage::Table kPrincipal(
    storage::column("st.id", &Principal::staff_id),
    storage::column("st.shop_id", &Principal::shop_id),
    storage::column("st.role", &Principal::role), storage::column("st.name", &Principal::name),
    storage::column("st.email", &Principal::email),
    storage::column("sh.time_zone", &Principal::time_zone),
    storage::column("sh.phone_region", &Principal::phone_region),
    storage::column("sh.refill_lead_days", &Principal::refill_lead_days),
    storage::column("sh.refill_cadence", &Principal::refill_cadence));
constexpr storage::Table kSession(storage::column("se.last_seen_at", &LiveSession::last_seen_at));

constexpr std::string_view kFindLiveFrom = R"(
FROM sessions se
JOIN staff st ON st.shop_id = se.shop_id AND st.id = se.staff_id
JOIN shops sh ON sh.id = se.shop_id
WHERE se.token_hash = ? AND se.revoked_at IS NULL AND se.expires_at > ?
  AND (se.last_seen_at IS NULL OR se.last_seen_at > ?) AND st.active = TRUE)";

const std::string& find_live_sql() {
  static const std::string sql = "SELECT " + kPrincipal.select_list() + ", " +
                                 kSession.select_list() + std::string(kFindLiveFrom);
  return sql;
}

constexpr std::string_view kTouch = R"(
UPDATE sessions SET last_seen_at = ?
WHERE token_hash = ? AND (last_seen_at IS NULL OR last_seen_at <= ?))";

constexpr std::string_view kRevoke =
    "UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL";

constexpr std::string_view kRevokeAll =
    "UPDATE sessions SET revoked_at = ? WHERE shop_id = ? AND staff_id = ? AND revoked_at IS NULL";

}  // namespace

void SessionRepository::create(storage::Connection& c, const std::string& token_hash,
                               std::int64_t shop_id, std::int64_t staff_id, std::int64_t now_ms,
                               std::int64_t expires_at_ms) {
  c.query(kInsertSession, {token_hash, shop_id, staff_id, now_ms, expires_at_ms, now_ms});
}

std::optional<LiveSession> SessionRepository::find_live(storage::Connection& c,
                                                        const std::string& token_hash,
                                                        std::int64_t now_ms,
                                                        std::int64_t idle_since_ms) {
  std::optional<LiveSession> live = storage::first_row_as(
      c, find_live_sql(), {token_hash, now_ms, idle_since_ms}, [](const storage::RowView& row) {
        LiveSession found = kSession.read(row, kPrincipal.size());
        kPrincipal.read_into(found.principal, row);
        return found;
      });
  if (live) live->principal.token_hash = token_hash;
  return live;
}

void SessionRepository::touch(storage::Connection& c, const std::string& token_hash,
                              std::int64_t now_ms, std::int64_t unless_seen_after_ms) {
  c.query(kTouch, {now_ms, token_hash, unless_seen_after_ms});
}

void SessionRepository::revoke(storage::Connection& c, const std::string& token_hash,
                               std::int64_t now_ms) {
  c.query(kRevoke, {now_ms, token_hash});
}

void SessionRepository::revoke_others(storage::Connection& c, std::int64_t shop_id,
                                      std::int64_t staff_id, const std::string& keep_token_hash,
                                      std::int64_t now_ms) {
  c.query(
      "UPDATE sessions SET revoked_at = ? WHERE shop_id = ? AND staff_id = ? AND token_hash <> ? "
      "AND revoked_at IS NULL",
      {now_ms, shop_id, staff_id, keep_token_hash});
}

void SessionRepository::revoke_all_for_staff(storage::Connection& c, std::int64_t shop_id,
                                             std::int64_t staff_id, std::int64_t now_ms) {
  c.query(kRevokeAll, {now_ms, shop_id, staff_id});
}

}  // namespace rx::auth
