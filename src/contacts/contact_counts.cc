#include "contacts/contact_counts.h"

#include "storage/conditions.h"
#include "storage/table.h"

namespace rx::contacts {
namespace {

using storage::column;

// One bucket of contact_counts as the reports read it.
constexpr storage::Table kBucket{
    column("upload_id", &ContactBucket::upload_id), column("staff_id", &ContactBucket::staff_id),
    column("status", &ContactBucket::status), column("contacts", &ContactBucket::contacts),
    column("conversion_value_paise", &ContactBucket::conversion_value_paise)};

// The open contacts one staff member holds.
struct StaffLoad {
  core::StaffId staff_id;
  std::int64_t contacts = 0;
};

constexpr storage::Table kStaffLoad{column("staff_id", &StaffLoad::staff_id),
                                    column("SUM(contacts)", &StaffLoad::contacts)};

}  // namespace

void ContactCounts::add_imported(storage::Connection& c, core::ShopId shop_id,
                                 std::optional<core::UploadId> upload_id, std::int64_t contacts) {
  if (contacts == 0) return;
  c.query(
      "INSERT INTO contact_counts (shop_id, upload_id, staff_id, status, contacts, "
      "conversion_value_paise) VALUES (?, ?, 0, 'pending', ?, 0) "
      "ON CONFLICT (shop_id, upload_id, staff_id, status) DO UPDATE "
      "SET contacts = contact_counts.contacts + excluded.contacts",
      {shop_id.value(), upload_id ? upload_id->value() : 0, contacts});
}

std::optional<std::int64_t> ContactCounts::total(storage::Connection& c, core::ShopId shop_id,
                                                 const ContactFilter& filter) {
  if (filter.whatsapp_status || (filter.query && !filter.query->empty()) || filter.follow_up) {
    return std::nullopt;
  }
  storage::Conditions w;
  w.add("shop_id = ?", {shop_id.value()});
  if (filter.status) w.add("status = ?", {storage::Codec<ContactStatus>::bind(*filter.status)});
  if (filter.unassigned) w.add("staff_id = 0");
  if (filter.assigned_staff_id) w.add("staff_id = ?", {filter.assigned_staff_id->value()});
  if (filter.upload_id) w.add("upload_id = ?", {filter.upload_id->value()});
  return c.query_int("SELECT COALESCE(SUM(contacts), 0) FROM contact_counts" + w.sql(), w.params());
}

std::map<core::StaffId, std::int64_t> ContactCounts::open_by_staff(storage::Connection& c,
                                                                   core::ShopId shop_id) {
  std::map<core::StaffId, std::int64_t> out;
  static const std::string sql = "SELECT " + kStaffLoad.select_list() +
                                 " FROM contact_counts WHERE shop_id = ? AND staff_id <> 0 "
                                 "AND status IN ('pending', 'contacted') GROUP BY staff_id";
  c.for_each_row(sql, {shop_id.value()}, [&](const storage::RowView& r) {
    const StaffLoad load = kStaffLoad.read(r);
    if (load.contacts > 0) out[load.staff_id] = load.contacts;
  });
  return out;
}

std::vector<ContactBucket> ContactCounts::buckets(storage::Connection& c, core::ShopId shop_id,
                                                  std::optional<core::UploadId> upload_id,
                                                  std::optional<core::StaffId> staff_id) {
  storage::Conditions w;
  w.add("shop_id = ?", {shop_id.value()});
  w.add("contacts <> 0");
  if (upload_id) w.add("upload_id = ?", {upload_id->value()});
  if (staff_id) w.add("staff_id = ?", {staff_id->value()});
  static const std::string select = "SELECT " + kBucket.select_list() + " FROM contact_counts";
  return storage::rows_as(c, select + w.sql(), w.params(),
                          [](const storage::RowView& r) { return kBucket.read(r); });
}

}  // namespace rx::contacts
