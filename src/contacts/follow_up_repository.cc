#include "contacts/follow_up_repository.h"

#include "storage/conditions.h"

namespace rx::contacts {
namespace {

constexpr std::string_view kSelectFollowUp = R"(
SELECT f.id, f.contact_id, f.staff_id, s.name, f.created_by, f.due_at, f.note, f.done_at,
       f.created_at, cr.phone, cr.name, cr.assigned_staff_id
FROM contact_reminders f
JOIN contact_records cr ON cr.shop_id = f.shop_id AND cr.id = f.contact_id
LEFT JOIN staff s ON s.shop_id = f.shop_id AND s.id = f.staff_id)";

FollowUp follow_up_from_row(const storage::Row& r) {
  FollowUp f;
  f.id = r.int_at(0);
  f.contact_id = r.int_at(1);
  f.staff_id = r.int_at(2);
  f.staff_name = r[3].as_opt_text();
  f.created_by = r[4].as_opt_int();
  f.due_at = r.int_at(5);
  f.note = r[6].as_opt_text();
  f.done_at = r[7].as_opt_int();
  f.created_at = r.int_at(8);
  f.contact_phone = r.text_at(9);
  f.contact_name = r[10].as_opt_text();
  f.contact_assigned_staff_id = r[11].as_opt_int();
  return f;
}

storage::Conditions where(std::int64_t shop_id, std::optional<std::int64_t> staff_id,
                          const FollowUpWindow& window) {
  storage::Conditions w;
  w.add("f.shop_id = ?", {shop_id});
  if (staff_id) w.add("f.staff_id = ?", {*staff_id});
  if (!window.include_done) w.add("f.done_at IS NULL");
  if (window.due_from) w.add("f.due_at >= ?", {*window.due_from});
  if (window.due_until) w.add("f.due_at < ?", {*window.due_until});
  return w;
}

std::vector<FollowUp> all(storage::ResultSet rows) {
  std::vector<FollowUp> out;
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) out.push_back(follow_up_from_row(r));
  return out;
}

}  // namespace

std::int64_t FollowUpRepository::insert(storage::Connection& c, std::int64_t shop_id,
                                        std::int64_t contact_id, std::int64_t staff_id,
                                        std::int64_t created_by, std::int64_t due_at,
                                        const std::optional<std::string>& note,
                                        std::int64_t now_ms) {
  return c.insert_returning_id(
      "INSERT INTO contact_reminders (shop_id, contact_id, staff_id, created_by, due_at, note, "
      "created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?)",
      {shop_id, contact_id, staff_id, created_by, due_at, note, now_ms});
}

std::optional<FollowUp> FollowUpRepository::find(storage::Connection& c, std::int64_t shop_id,
                                                 std::int64_t id) {
  auto row = c.query_one(std::string(kSelectFollowUp) + " WHERE f.shop_id = ? AND f.id = ?",
                         {shop_id, id});
  if (!row) return std::nullopt;
  return follow_up_from_row(*row);
}

std::vector<FollowUp> FollowUpRepository::for_contact(storage::Connection& c, std::int64_t shop_id,
                                                      std::int64_t contact_id) {
  return all(
      c.query(std::string(kSelectFollowUp) +
                  " WHERE f.shop_id = ? AND f.contact_id = ? ORDER BY f.due_at DESC, f.id DESC",
              {shop_id, contact_id}));
}

std::vector<FollowUp> FollowUpRepository::list(storage::Connection& c, std::int64_t shop_id,
                                               std::optional<std::int64_t> staff_id,
                                               const FollowUpWindow& window, std::int64_t limit,
                                               std::int64_t offset) {
  storage::Conditions w = where(shop_id, staff_id, window);
  return all(
      c.query(std::string(kSelectFollowUp) + w.sql() + " ORDER BY f.due_at, f.id LIMIT ? OFFSET ?",
              w.params_with({limit, offset})));
}

std::int64_t FollowUpRepository::count(storage::Connection& c, std::int64_t shop_id,
                                       std::optional<std::int64_t> staff_id,
                                       const FollowUpWindow& window) {
  storage::Conditions w = where(shop_id, staff_id, window);
  return c.query_int("SELECT COUNT(*) FROM contact_reminders f" + w.sql(), w.params());
}

bool FollowUpRepository::mark_done(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                   std::int64_t now_ms) {
  return c.query(
              "UPDATE contact_reminders SET done_at = ? WHERE shop_id = ? AND id = ? AND done_at "
              "IS NULL",
              {now_ms, shop_id, id})
             .affected == 1;
}

}  // namespace rx::contacts
