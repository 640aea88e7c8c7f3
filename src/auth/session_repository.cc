#include "auth/session_repository.h"

namespace rx::auth {
namespace {

constexpr std::string_view kInsertSession = R"(
INSERT INTO sessions (token_hash, shop_id, staff_id, created_at, expires_at, last_seen_at)
VALUES (?, ?, ?, ?, ?, ?))";

constexpr std::string_view kFindLive = R"(
SELECT st.id, st.shop_id, st.role, st.name, st.email, sh.time_zone, sh.phone_region,
       sh.refill_lead_days, se.last_seen_at
FROM sessions se
JOIN staff st ON st.shop_id = se.shop_id AND st.id = se.staff_id
JOIN shops sh ON sh.id = se.shop_id
WHERE se.token_hash = ? AND se.revoked_at IS NULL AND se.expires_at > ?
  AND (se.last_seen_at IS NULL OR se.last_seen_at > ?) AND st.active = TRUE)";

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
  auto row = c.query_one(kFindLive, {token_hash, now_ms, idle_since_ms});
  if (!row) return std::nullopt;
  LiveSession live;
  live.last_seen_at = row->int_at(8);
  Principal& p = live.principal;
  p.staff_id = row->int_at(0);
  p.shop_id = row->int_at(1);
  p.role = parse_role(row->text_at(2)).value_or(Role::kStaff);
  p.name = row->text_at(3);
  p.email = row->text_at(4);
  p.time_zone = row->text_at(5);
  p.phone_region = row->text_at(6);
  p.refill_lead_days = static_cast<int>(row->int_at(7));
  p.token_hash = token_hash;
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
