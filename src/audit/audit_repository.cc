#include "audit/audit_repository.h"

#include "storage/conditions.h"
#include "storage/table.h"

#include <string>

namespace rx::audit {
namespace {

constexpr std::string_view kInsert = R"(
INSERT INTO audit_log (shop_id, staff_id, action, entity, entity_id, details, client_ip, at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?))";

// An entry as the log lists it: the audit_log row (alias a) with its staff member's name.
constexpr storage::Table kItem(storage::column("a.id", &AuditItem::id),
                               storage::column("a.at", &AuditItem::at),
                               storage::column("a.staff_id", &AuditItem::staff_id),
                               storage::column("s.name", &AuditItem::staff_name),
                               storage::column("a.action", &AuditItem::action),
                               storage::column("a.entity", &AuditItem::entity),
                               storage::column("a.entity_id", &AuditItem::entity_id),
                               storage::column("a.details", &AuditItem::details),
                               storage::column("a.client_ip", &AuditItem::client_ip));

const std::string& select_sql() {
  static const std::string sql = "SELECT " + kItem.select_list() +
                                 "\nFROM audit_log a\n"
                                 "LEFT JOIN staff s ON s.shop_id = a.shop_id AND s.id = a.staff_id";
  return sql;
}

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
  return storage::rows_as(
      c, select_sql() + w.sql() + " ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?",
      w.params_with({limit, offset}), [](const storage::RowView& row) { return kItem.read(row); });
}

std::int64_t AuditRepository::count(storage::Connection& c, std::int64_t shop_id,
                                    const AuditFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM audit_log a" + w.sql(), w.params());
}

}  // namespace rx::audit
