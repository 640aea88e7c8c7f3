#include "contacts/contact_counts.h"

#include "storage/conditions.h"

namespace rx::contacts {

void ContactCounts::add_imported(storage::Connection& c, std::int64_t shop_id,
                                 std::int64_t upload_id, std::int64_t contacts) {
  if (contacts == 0) return;
  c.query(
      "INSERT INTO contact_counts (shop_id, upload_id, staff_id, status, contacts, "
      "conversion_value_paise) VALUES (?, ?, 0, 'pending', ?, 0) "
      "ON CONFLICT (shop_id, upload_id, staff_id, status) DO UPDATE "
      "SET contacts = contact_counts.contacts + excluded.contacts",
      {shop_id, upload_id, contacts});
}

std::optional<std::int64_t> ContactCounts::total(storage::Connection& c, std::int64_t shop_id,
                                                 const ContactFilter& filter) {
  if (filter.whatsapp_status || (filter.query && !filter.query->empty()) || filter.follow_up) {
    return std::nullopt;
  }
  storage::Conditions w;
  w.add("shop_id = ?", {shop_id});
  if (filter.status) w.add("status = ?", {*filter.status});
  if (filter.unassigned) w.add("staff_id = 0");
  if (filter.assigned_staff_id) w.add("staff_id = ?", {*filter.assigned_staff_id});
  if (filter.upload_id) w.add("upload_id = ?", {*filter.upload_id});
  return c.query_int("SELECT COALESCE(SUM(contacts), 0) FROM contact_counts" + w.sql(), w.params());
}

std::map<std::int64_t, std::int64_t> ContactCounts::open_by_staff(storage::Connection& c,
                                                                  std::int64_t shop_id) {
  std::map<std::int64_t, std::int64_t> out;
  storage::ResultSet rows = c.query(
      "SELECT staff_id, SUM(contacts) FROM contact_counts WHERE shop_id = ? AND staff_id <> 0 "
      "AND status IN ('pending', 'contacted') GROUP BY staff_id",
      {shop_id});
  for (const auto& r : rows.rows) {
    if (r.int_at(1) > 0) out[r.int_at(0)] = r.int_at(1);
  }
  return out;
}

std::vector<ContactBucket> ContactCounts::buckets(storage::Connection& c, std::int64_t shop_id,
                                                  std::optional<std::int64_t> upload_id,
                                                  std::optional<std::int64_t> staff_id) {
  storage::Conditions w;
  w.add("shop_id = ?", {shop_id});
  w.add("contacts <> 0");
  if (upload_id) w.add("upload_id = ?", {*upload_id});
  if (staff_id) w.add("staff_id = ?", {*staff_id});
  storage::ResultSet rows = c.query(
      "SELECT upload_id, staff_id, status, contacts, conversion_value_paise FROM contact_counts" +
          w.sql(),
      w.params());
  std::vector<ContactBucket> out;
  out.reserve(rows.rows.size());
  for (const auto& r : rows.rows) {
    out.push_back({r.int_at(0), r.int_at(1), r.text_at(2), r.int_at(3), r.int_at(4)});
  }
  return out;
}

}  // namespace rx::contacts
