#include "audit/audit_repository.h"

#include "storage/conditions.h"

namespace rx::audit {
namespace {

constexpr std::string_view kInsert = R"(
INSERT INTO audit_log (shop_id, staff_id, action, entity, entity_id, details, client_ip, at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?))";

constexpr std::string_view kSelect = R"(
SELECT a.id, a.at, a.staff_id, s.name, a.action, a.entity, a.entity_id, a.details, a.client_ip
FROM audit_log a
LEFT JOIN staff s ON s.shop_id = a.shop_id AND s.id = a.staff_id)";

storage::Conditions where(std::int64_t shop_id, const AuditFilter& f) {
  storage::Conditions w;
  w.add("a.shop_id = ?", {shop_id});
  if (f.action) w.add("a.action = ?", {*f.action});
  if (f.staff_id) w.add("a.staff_id = ?", {*f.staff_id});
  if (f.entity) w.add("a.entity = ?", {*f.entity});
  if (f.entity_id) w.add("a.entity_id = ?", {*f.entity_id});
  if (f.from_ms) w.add("a.at >= ?", {*f.from_ms});
  if (f.until_ms) w.add("a.at < ?", {*f.until_ms});
  return w;
}

storage::Value optional_text(std::string_view text) {
  return text.empty() ? storage::Value() : storage::Value(std::string(text));
}

}  // namespace

void AuditRepository::insert(storage::Connection& c, const Entry& e) {
  storage::Value details;
  if (!e.details.is_null() && !e.details.empty()) details = storage::Value(e.details.dump());
  c.query(kInsert, {e.shop_id, e.staff_id, std::string(e.action), optional_text(e.entity),
                    e.entity_id, details, optional_text(e.client_ip), e.at_ms});
}

std::vector<AuditItem> AuditRepository::list(storage::Connection& c, std::int64_t shop_id,
                                             const AuditFilter& filter, std::int64_t limit,
                                             std::int64_t offset) {
  storage::Conditions w = where(shop_id, filter);
  storage::ResultSet rows =
      c.query(std::string(kSelect) + w.sql() + " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?",
              w.params_with({limit, offset}));
  std::vector<AuditItem> out;
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) {
    AuditItem item;
    item.id = r.int_at(0);
    item.at = r.int_at(1);
    item.staff_id = r[2].as_opt_int();
    item.staff_name = r[3].as_opt_text();
    item.action = r.text_at(4);
    item.entity = r[5].as_opt_text();
    item.entity_id = r[6].as_opt_int();
    item.details = r[7].as_opt_text();
    item.client_ip = r[8].as_opt_text();
    out.push_back(std::move(item));
  }
  return out;
}

std::int64_t AuditRepository::count(storage::Connection& c, std::int64_t shop_id,
                                    const AuditFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM audit_log a" + w.sql(), w.params());
}

}  // namespace rx::audit
