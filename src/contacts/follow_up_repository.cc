#include "contacts/follow_up_repository.h"

#include "storage/conditions.h"
#include "storage/table.h"

namespace rx::contacts {
namespace {

using storage::column;

// A follow-up's stored fields; its id is generated, and lists join whom it is about and who
// holds that contact now.
constexpr storage::Table kFollowUpKey{column("id", &FollowUp::id)};
constexpr storage::Table kFollowUpFields{column("contact_id", &FollowUp::contact_id),
                                         column("staff_id", &FollowUp::staff_id),
                                         column("created_by", &FollowUp::created_by),
                                         column("due_at", &FollowUp::due_at),
                                         column("note", &FollowUp::note),
                                         column("done_at", &FollowUp::done_at),
                                         column("created_at", &FollowUp::created_at)};
constexpr storage::Table kFollowUpJoined{
    column("s.name", &FollowUp::staff_name), column("cr.phone", &FollowUp::contact_phone),
    column("cr.name", &FollowUp::contact_name),
    column("cr.assigned_staff_id", &FollowUp::contact_assigned_staff_id)};

const std::string& select_follow_ups() {
  static const std::string sql =
      "SELECT " + kFollowUpKey.select_list("f.") + ", " + kFollowUpFields.select_list("f.") + ", " +
      kFollowUpJoined.select_list() +
      " FROM contact_follow_ups f"
      " JOIN contact_records cr ON cr.shop_id = f.shop_id AND cr.id = f.contact_id"
      " LEFT JOIN staff s ON s.shop_id = f.shop_id AND s.id = f.staff_id";
  return sql;
}

FollowUp follow_up_from_row(const storage::RowView& r) {
  FollowUp f;
  kFollowUpKey.read_into(f, r);
  kFollowUpFields.read_into(f, r, kFollowUpKey.size());
  kFollowUpJoined.read_into(f, r, kFollowUpKey.size() + kFollowUpFields.size());
  return f;
}

storage::Conditions where(core::ShopId shop_id, std::optional<core::StaffId> staff_id,
                          const FollowUpWindow& window) {
  storage::Conditions w;
  w.add("f.shop_id = ?", {shop_id.value()});
  if (staff_id) w.add("f.staff_id = ?", {staff_id->value()});
  if (!window.include_done) w.add("f.done_at IS NULL");
  if (window.due_from) w.add("f.due_at >= ?", {*window.due_from});
  if (window.due_until) w.add("f.due_at < ?", {*window.due_until});
  return w;
}

}  // namespace

core::FollowUpId FollowUpRepository::insert(storage::Connection& c, core::ShopId shop_id,
                                            core::ContactId contact_id, core::StaffId staff_id,
                                            core::StaffId created_by, std::int64_t due_at,
                                            const std::optional<std::string>& note,
                                            std::int64_t now_ms) {
  static const std::string sql = "INSERT INTO contact_follow_ups (shop_id, " +
                                 kFollowUpFields.select_list() + ") VALUES (?, " +
                                 kFollowUpFields.placeholders() + ")";
  FollowUp row;
  row.contact_id = contact_id.value();
  row.staff_id = staff_id.value();
  row.created_by = created_by.value();
  row.due_at = due_at;
  row.note = note;
  row.created_at = now_ms;
  storage::Params params;
  params.reserve(1 + kFollowUpFields.size());
  params.emplace_back(shop_id.value());
  kFollowUpFields.bind(row, params);
  return core::FollowUpId(c.insert_returning_id(sql, params));
}

std::optional<FollowUp> FollowUpRepository::find(storage::Connection& c, core::ShopId shop_id,
                                                 core::FollowUpId id) {
  return storage::first_row_as(
      c, storage::join_sql(select_follow_ups(), " WHERE f.shop_id = ? AND f.id = ?"),
      {shop_id.value(), id.value()}, follow_up_from_row);
}

std::vector<FollowUp> FollowUpRepository::for_contact(storage::Connection& c, core::ShopId shop_id,
                                                      core::ContactId contact_id) {
  return storage::rows_as(c,
                          storage::join_sql(select_follow_ups(),
                                            " WHERE f.shop_id = ? AND f.contact_id = ? ORDER BY "
                                            "f.due_at DESC, f.id DESC"),
                          {shop_id.value(), contact_id.value()}, follow_up_from_row);
}

std::vector<FollowUp> FollowUpRepository::list(storage::Connection& c, core::ShopId shop_id,
                                               std::optional<core::StaffId> staff_id,
                                               const FollowUpWindow& window, std::int64_t limit,
                                               std::int64_t offset) {
  storage::Conditions w = where(shop_id, staff_id, window);
  return storage::rows_as(
      c, select_follow_ups() + w.sql() + " ORDER BY f.due_at, f.id LIMIT ? OFFSET ?",
      w.params_with({limit, offset}), follow_up_from_row);
}

std::int64_t FollowUpRepository::count(storage::Connection& c, core::ShopId shop_id,
                                       std::optional<core::StaffId> staff_id,
                                       const FollowUpWindow& window) {
  storage::Conditions w = where(shop_id, staff_id, window);
  return c.query_int("SELECT COUNT(*) FROM contact_follow_ups f" + w.sql(), w.params());
}

bool FollowUpRepository::mark_done(storage::Connection& c, core::ShopId shop_id,
                                   core::FollowUpId id, std::int64_t now_ms) {
  return c.query(
              "UPDATE contact_follow_ups SET done_at = ? WHERE shop_id = ? AND id = ? AND done_at "
              "IS NULL",
              {now_ms, shop_id.value(), id.value()})
             .affected == 1;
}

}  // namespace rx::contacts
