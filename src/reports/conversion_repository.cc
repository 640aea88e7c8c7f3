#include "reports/conversion_repository.h"

#include "contacts/upload_repository.h"

#include "storage/conditions.h"

#include <algorithm>

namespace rx::reports {
namespace {

// No filter and no window: the figures can come without joining the contacts.
bool is_whole_shop(const ContactScope& scope) {
  return !scope.created_from_ms && !scope.created_before_ms && !scope.upload_id && !scope.staff_id;
}

std::map<std::int64_t, std::int64_t> counts_by_first_column(const storage::ResultSet& rows) {
  std::map<std::int64_t, std::int64_t> out;
  for (const storage::Row& r : rows.rows) {
    if (auto id = r[0].as_opt_int()) out[*id] = r.int_at(1);
  }
  return out;
}

}  // namespace

bool ConversionRepository::staff_exists(storage::Connection& c, std::int64_t shop_id,
                                        std::int64_t id) {
  return c.query_one("SELECT 1 FROM staff WHERE shop_id = ? AND id = ?", {shop_id, id}).has_value();
}

bool ConversionRepository::upload_exists(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t id) {
  return c.query_one("SELECT 1 FROM contact_uploads WHERE shop_id = ? AND id = ?", {shop_id, id})
      .has_value();
}

std::vector<StaffName> ConversionRepository::staff(storage::Connection& c, std::int64_t shop_id,
                                                   const std::vector<std::int64_t>& also,
                                                   std::optional<std::int64_t> only) {
  storage::ResultSet rows =
      only ? c.query("SELECT id, name, active FROM staff WHERE shop_id = ? AND id = ?",
                     {shop_id, *only})
           : c.query("SELECT id, name, active FROM staff WHERE shop_id = ?", {shop_id});
  std::vector<StaffName> out;
  for (const storage::Row& r : rows.rows) {
    const std::int64_t id = r.int_at(0);
    const bool listed =
        only || r.bool_at(2) || std::find(also.begin(), also.end(), id) != also.end();
    if (listed) out.push_back({id, r.text_at(1)});
  }
  return out;
}

std::vector<UploadName> ConversionRepository::uploads(storage::Connection& c, std::int64_t shop_id,
                                                      const ContactScope& scope) {
  storage::Conditions where;
  where.add("shop_id = ?", {shop_id});
  if (scope.created_from_ms) where.add("created_at >= ?", {*scope.created_from_ms});
  if (scope.created_before_ms) where.add("created_at < ?", {*scope.created_before_ms});
  if (scope.upload_id) where.add("id = ?", {*scope.upload_id});
  std::vector<UploadName> out;
  for (const storage::Row& r : c.query("SELECT id, file_name, created_at FROM contact_uploads" +
                                           where.sql() + " ORDER BY created_at DESC, id DESC",
                                       where.params())
                                   .rows) {
    out.push_back({r.int_at(0), r.text_at(1), r.int_at(2)});
  }
  return out;
}

std::map<std::int64_t, std::int64_t> ConversionRepository::interactions_by_staff(
    storage::Connection& c, std::int64_t shop_id, const ContactScope& scope) {
  if (is_whole_shop(scope)) {
    // Kept up to date by a trigger (migration 0005).
    return counts_by_first_column(
        c.query("SELECT staff_id, interactions FROM staff_interaction_counts WHERE shop_id = ?",
                {shop_id}));
  }
  storage::Conditions where;
  add_contact_scope(where, shop_id, scope);
  return counts_by_first_column(
      c.query("SELECT ci.staff_id, COUNT(*) FROM contact_interactions ci "
              "JOIN contact_records cr ON cr.shop_id = ci.shop_id AND cr.id = ci.contact_id" +
                  where.sql() + " GROUP BY ci.staff_id",
              where.params()));
}

std::map<std::int64_t, std::int64_t> ConversionRepository::overdue_follow_ups_by_staff(
    storage::Connection& c, std::int64_t shop_id, const ContactScope& scope, std::int64_t now_ms) {
  if (is_whole_shop(scope)) {
    return counts_by_first_column(
        c.query("SELECT staff_id, COUNT(*) FROM contact_follow_ups WHERE shop_id = ? AND "
                "done_at IS NULL AND due_at < ? GROUP BY staff_id",
                {shop_id, now_ms}));
  }
  storage::Conditions where;
  add_contact_scope(where, shop_id, scope);
  where.add("r.done_at IS NULL AND r.due_at < ?", {now_ms});
  return counts_by_first_column(
      c.query("SELECT r.staff_id, COUNT(*) FROM contact_follow_ups r "
              "JOIN contact_records cr ON cr.shop_id = r.shop_id AND cr.id = r.contact_id" +
                  where.sql() + " GROUP BY r.staff_id",
              where.params()));
}

std::int64_t ConversionRepository::self_reported_contacted(storage::Connection& c,
                                                           std::int64_t shop_id,
                                                           const std::optional<std::string>& from,
                                                           const std::optional<std::string>& to,
                                                           const ContactScope& scope) {
  storage::Conditions where;
  where.add("b.shop_id = ?", {shop_id});
  where.add("b.was_contacted_before");  // as the partial index bills_contacted_before says it
  if (from) where.add("b.bill_date >= ?", {*from});
  if (to) where.add("b.bill_date <= ?", {*to});
  if (scope.upload_id || scope.staff_id) {
    storage::Conditions contact;
    contact.add("cr.customer_id = b.customer_id");
    if (scope.upload_id)
      contacts::UploadRepository::add_contacts_of(contact, core::ShopId(shop_id),
                                                  core::UploadId(*scope.upload_id));
    if (scope.staff_id) contact.add("cr.assigned_staff_id = ?", {*scope.staff_id});
    where.add(
        "EXISTS (SELECT 1 FROM contact_records cr" + contact.sql() + " AND cr.shop_id = b.shop_id)",
        contact.params());
  }
  return c.query_int("SELECT COUNT(*) FROM bills b" + where.sql(), where.params());
}

}  // namespace rx::reports
