#include "reports/conversion_repository.h"

#include "contacts/upload_repository.h"
#include "reports/report_rows.h"
#include "storage/conditions.h"
#include "storage/table.h"

#include <algorithm>

namespace rx::reports {
namespace {

struct StaffRow {
  core::StaffId id;
  std::string name;
  bool active = false;
};

constexpr storage::Table kStaffRow(storage::column("id", &StaffRow::id),
                                   storage::column("name", &StaffRow::name),
                                   storage::column("active", &StaffRow::active));

constexpr storage::Table kUploadName(storage::column("id", &UploadName::id),
                                     storage::column("file_name", &UploadName::file_name),
                                     storage::column("created_at", &UploadName::created_at));

// A count per staff member; a row without one (a deleted member's) is left out.
struct StaffCount {
  std::optional<core::StaffId> staff_id;
  std::int64_t count = 0;
};

// The staff column and the count of each per-staff query, in this order.
constexpr storage::Table kStaffCount(storage::column("staff_id", &StaffCount::staff_id),
                                     storage::column("count", &StaffCount::count));

// No filter and no window: the figures can come without joining the contacts.
bool is_whole_shop(const ContactScope& scope) {
  return !scope.created_from_ms && !scope.created_before_ms && !scope.upload_id && !scope.staff_id;
}

std::map<core::StaffId, std::int64_t> counts_by_staff(storage::Connection& c, std::string_view sql,
                                                      const storage::Params& params) {
  std::map<core::StaffId, std::int64_t> out;
  for (const StaffCount& row : read_rows(c, kStaffCount, sql, params)) {
    if (row.staff_id) out[*row.staff_id] = row.count;
  }
  return out;
}

}  // namespace

bool ConversionRepository::staff_exists(storage::Connection& c, core::ShopId shop,
                                        core::StaffId id) {
  return c.query_one("SELECT 1 FROM staff WHERE shop_id = ? AND id = ?", {shop.value(), id.value()})
      .has_value();
}

bool ConversionRepository::upload_exists(storage::Connection& c, core::ShopId shop,
                                         core::UploadId id) {
  return c
      .query_one("SELECT 1 FROM contact_uploads WHERE shop_id = ? AND id = ?",
                 {shop.value(), id.value()})
      .has_value();
}

std::vector<StaffName> ConversionRepository::staff(storage::Connection& c, core::ShopId shop,
                                                   const std::vector<core::StaffId>& also,
                                                   std::optional<core::StaffId> only) {
  static const std::string kSelect = "SELECT " + kStaffRow.select_list() + " FROM staff";
  const std::vector<StaffRow> rows =
      only ? read_rows(c, kStaffRow, kSelect + " WHERE shop_id = ? AND id = ?",
                       {shop.value(), only->value()})
           : read_rows(c, kStaffRow, kSelect + " WHERE shop_id = ?", {shop.value()});
  std::vector<StaffName> out;
  for (const StaffRow& r : rows) {
    const bool listed = only || r.active || std::find(also.begin(), also.end(), r.id) != also.end();
    if (listed) out.push_back({r.id, r.name});
  }
  return out;
}

std::vector<UploadName> ConversionRepository::uploads(storage::Connection& c, core::ShopId shop,
                                                      const ContactScope& scope) {
  storage::Conditions where;
  where.add("shop_id = ?", {shop.value()});
  if (scope.created_from_ms) where.add("created_at >= ?", {*scope.created_from_ms});
  if (scope.created_before_ms) where.add("created_at < ?", {*scope.created_before_ms});
  if (scope.upload_id) where.add("id = ?", {scope.upload_id->value()});
  static const std::string kSelect =
      "SELECT " + kUploadName.select_list() + " FROM contact_uploads";
  return read_rows(c, kUploadName, kSelect + where.sql() + " ORDER BY created_at DESC, id DESC",
                   where.params());
}

std::map<core::StaffId, std::int64_t> ConversionRepository::interactions_by_staff(
    storage::Connection& c, core::ShopId shop, const ContactScope& scope) {
  if (is_whole_shop(scope)) {
    // Kept up to date by a trigger (migration 0005).
    return counts_by_staff(
        c, "SELECT staff_id, interactions FROM staff_interaction_counts WHERE shop_id = ?",
        {shop.value()});
  }
  storage::Conditions where;
  add_contact_scope(where, shop, scope);
  return counts_by_staff(c,
                         "SELECT ci.staff_id, COUNT(*) FROM contact_interactions ci "
                         "JOIN contact_records cr ON cr.shop_id = ci.shop_id AND cr.id = "
                         "ci.contact_id" +
                             where.sql() + " GROUP BY ci.staff_id",
                         where.params());
}

std::map<core::StaffId, std::int64_t> ConversionRepository::overdue_follow_ups_by_staff(
    storage::Connection& c, core::ShopId shop, const ContactScope& scope, std::int64_t now_ms) {
  if (is_whole_shop(scope)) {
    return counts_by_staff(
        c,
        "SELECT staff_id, COUNT(*) FROM contact_follow_ups WHERE shop_id = ? AND "
        "done_at IS NULL AND due_at < ? GROUP BY staff_id",
        {shop.value(), now_ms});
  }
  storage::Conditions where;
  add_contact_scope(where, shop, scope);
  where.add("r.done_at IS NULL AND r.due_at < ?", {now_ms});
  return counts_by_staff(c,
                         "SELECT r.staff_id, COUNT(*) FROM contact_follow_ups r "
                         "JOIN contact_records cr ON cr.shop_id = r.shop_id AND cr.id = "
                         "r.contact_id" +
                             where.sql() + " GROUP BY r.staff_id",
                         where.params());
}

std::int64_t ConversionRepository::self_reported_contacted(storage::Connection& c,
                                                           core::ShopId shop,
                                                           const std::optional<std::string>& from,
                                                           const std::optional<std::string>& to,
                                                           const ContactScope& scope) {
  storage::Conditions where;
  where.add("b.shop_id = ?", {shop.value()});
  where.add("b.was_contacted_before");  // as the partial index bills_contacted_before says it
  if (from) where.add("b.bill_date >= ?", {*from});
  if (to) where.add("b.bill_date <= ?", {*to});
  if (scope.upload_id || scope.staff_id) {
    storage::Conditions contact;
    contact.add("cr.customer_id = b.customer_id");
    if (scope.upload_id)
      contacts::UploadRepository::add_contacts_of(contact, shop, *scope.upload_id);
    if (scope.staff_id) contact.add("cr.assigned_staff_id = ?", {scope.staff_id->value()});
    where.add(
        "EXISTS (SELECT 1 FROM contact_records cr" + contact.sql() + " AND cr.shop_id = b.shop_id)",
        contact.params());
  }
  return c.query_int("SELECT COUNT(*) FROM bills b" + where.sql(), where.params());
}

}  // namespace rx::reports
