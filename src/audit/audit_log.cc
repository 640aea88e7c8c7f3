#include "audit/audit_log.h"

#include "audit/audit_repository.h"

namespace rx::audit {

void append(storage::Connection& c, const Entry& entry) { AuditRepository::insert(c, entry); }

void record(storage::Connection& c, const auth::Principal& who, std::string_view action,
            std::string_view entity, std::optional<std::int64_t> entity_id,
            const nlohmann::json& details, std::int64_t at_ms) {
  append(c, Entry{who.shop_id, who.staff_id, action, entity, entity_id, details, who.client_ip,
                  at_ms});
}

void record(storage::Database& db, const core::Clock& clock, const auth::Principal& who,
            std::string_view action, std::string_view entity, std::optional<std::int64_t> entity_id,
            const nlohmann::json& details) {
  db.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    record(c, who, action, entity, entity_id, details, clock.now_ms());
  });
}

}  // namespace rx::audit
