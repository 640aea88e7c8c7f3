#include "contacts/assignment_repository.h"

#include "core/identity/role.h"
#include "storage/table.h"

#include <algorithm>

namespace rx::contacts {
namespace {

using core::ContactId;
using core::ShopId;
using core::StaffId;
using storage::column;
using storage::Params;

struct SettingsRow {
  AutoAssign auto_assign = AutoAssign::kOff;
  std::optional<int> reassign_after_days;
  std::string time_zone;
};
constexpr storage::Table kSettings(column("auto_assign", &SettingsRow::auto_assign),
                                   column("reassign_after_days", &SettingsRow::reassign_after_days),
                                   column("time_zone", &SettingsRow::time_zone));

struct AssigneeRow {
  std::int64_t id = 0;
  bool active = false;
  core::Role role = core::Role::kStaff;
  std::optional<std::int64_t> capacity;
  std::optional<std::string> away_from;
  std::optional<std::string> away_until;
};
constexpr storage::Table kAssignee(column("id", &AssigneeRow::id),
                                   column("active", &AssigneeRow::active),
                                   column("role", &AssigneeRow::role),
                                   column("max_open_contacts", &AssigneeRow::capacity),
                                   column("away_from", &AssigneeRow::away_from),
                                   column("away_until", &AssigneeRow::away_until));

struct HeldRow {
  std::int64_t id = 0;
  std::int64_t holder = 0;
  std::optional<std::int64_t> assigned_at;
  std::optional<std::int64_t> last_interaction;
};
constexpr storage::Table kHeld(column("id", &HeldRow::id),
                               column("assigned_staff_id", &HeldRow::holder),
                               column("assigned_at", &HeldRow::assigned_at),
                               column("last_interaction", &HeldRow::last_interaction));

constexpr storage::Table kRecord(
    column("id", &AssignmentRecord::id), column("contact_id", &AssignmentRecord::contact_id),
    column("from_staff", &AssignmentRecord::from_staff),
    column("from_name", &AssignmentRecord::from_name),
    column("to_staff", &AssignmentRecord::to_staff), column("to_name", &AssignmentRecord::to_name),
    column("by_staff", &AssignmentRecord::by_staff), column("by_name", &AssignmentRecord::by_name),
    column("why", &AssignmentRecord::why), column("at", &AssignmentRecord::at));

// The history's columns, the names joined in as the record reads them.
constexpr std::string_view kForContact = R"(
SELECT ca.id AS id, ca.contact_id AS contact_id, ca.from_staff AS from_staff,
       sf.name AS from_name, ca.to_staff AS to_staff, st.name AS to_name,
       ca.by_staff AS by_staff, sb.name AS by_name, ca.why AS why, ca.at AS at
FROM contact_assignments ca
LEFT JOIN staff sf ON sf.shop_id = ca.shop_id AND sf.id = ca.from_staff
LEFT JOIN staff st ON st.shop_id = ca.shop_id AND st.id = ca.to_staff
LEFT JOIN staff sb ON sb.shop_id = ca.shop_id AND sb.id = ca.by_staff
WHERE ca.shop_id = ? AND ca.contact_id = ?
ORDER BY ca.id DESC LIMIT ?)";

constexpr std::string_view kOpenHeld = R"(
SELECT cr.id AS id, cr.assigned_staff_id AS assigned_staff_id, cr.assigned_at AS assigned_at,
       (SELECT MAX(ci.occurred_at) FROM contact_interactions ci
        WHERE ci.shop_id = cr.shop_id AND ci.contact_id = cr.id) AS last_interaction
FROM contact_records cr
WHERE cr.shop_id = ? AND cr.assigned_staff_id IS NOT NULL
  AND cr.status IN ('pending', 'contacted')
ORDER BY cr.id)";

constexpr std::size_t kHistoryRowsPerInsert = 200;

}  // namespace

std::optional<AssignSettings> AssignmentRepository::settings(storage::Connection& c,
                                                             ShopId shop_id) {
  static const std::string sql = "SELECT " + kSettings.select_list() + " FROM shops WHERE id = ?";
  return storage::first_row_as(c, sql, {shop_id.value()}, [](const storage::RowView& r) {
    const SettingsRow row = kSettings.read(r);
    return AssignSettings{row.auto_assign == AutoAssign::kOnUpload, row.reassign_after_days,
                          row.time_zone};
  });
}

std::vector<ShopId> AssignmentRepository::shops_reassigning(storage::Connection& c) {
  return storage::rows_as(
      c, "SELECT id FROM shops WHERE reassign_after_days IS NOT NULL ORDER BY id", {},
      [](const storage::RowView& r) { return storage::Codec<ShopId>::read(r, 0); });
}

std::vector<Assignee> AssignmentRepository::assignees(storage::Connection& c, ShopId shop_id,
                                                      const std::string& today) {
  static const std::string sql =
      "SELECT " + kAssignee.select_list() + " FROM staff WHERE shop_id = ? ORDER BY id";
  return storage::rows_as(c, sql, {shop_id.value()}, [&](const storage::RowView& r) {
    const AssigneeRow row = kAssignee.read(r);
    Assignee out;
    out.id = StaffId(row.id);
    out.active = row.active;
    out.telecaller = row.role == core::Role::kStaff;
    // Dates are YYYY-MM-DD, so text order is day order.
    out.away = (row.away_from || row.away_until) && (!row.away_from || *row.away_from <= today) &&
               (!row.away_until || today <= *row.away_until);
    out.away_until = row.away_until;
    out.capacity = row.capacity;
    return out;
  });
}

std::vector<AssignCandidate> AssignmentRepository::unassigned_of_upload(storage::Connection& c,
                                                                        ShopId shop_id,
                                                                        core::UploadId upload_id) {
  return storage::rows_as(
      c,
      "SELECT id FROM contact_records WHERE shop_id = ? AND upload_id = ? "
      "AND assigned_staff_id IS NULL AND status IN ('pending', 'contacted') ORDER BY id",
      {shop_id.value(), upload_id.value()}, [](const storage::RowView& r) {
        return AssignCandidate{storage::Codec<ContactId>::read(r, 0), true, std::nullopt, false};
      });
}

std::vector<HeldContact> AssignmentRepository::open_held(storage::Connection& c, ShopId shop_id) {
  return storage::rows_as(c, kOpenHeld, {shop_id.value()}, [](const storage::RowView& r) {
    const HeldRow row = kHeld.read(r);
    return HeldContact{ContactId(row.id), StaffId(row.holder),
                       std::max(row.assigned_at.value_or(0), row.last_interaction.value_or(0))};
  });
}

void AssignmentRepository::record(storage::Connection& c, ShopId shop_id,
                                  const std::vector<AssignmentMove>& moves,
                                  std::optional<StaffId> by, AssignReason why, std::int64_t at) {
  // Every row's (from_staff, to_staff, contact_id) differ; the rest is the same for all of them.
  Params shared_tail;
  if (by) {
    shared_tail.emplace_back(by->value());
  } else {
    shared_tail.emplace_back(std::nullopt);
  }
  shared_tail.emplace_back(std::string(core::enum_name(why)));
  shared_tail.emplace_back(at);
  for (std::size_t start = 0; start < moves.size(); start += kHistoryRowsPerInsert) {
    const std::size_t n = std::min(kHistoryRowsPerInsert, moves.size() - start);
    std::string sql =
        "INSERT INTO contact_assignments (shop_id, contact_id, from_staff, to_staff, by_staff, "
        "why, at) VALUES ";
    Params params;
    params.reserve(n * 7);
    for (std::size_t i = 0; i < n; ++i) {
      const AssignmentMove& move = moves[start + i];
      sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?)";
      params.emplace_back(shop_id.value());
      params.emplace_back(move.contact_id.value());
      if (move.from) {
        params.emplace_back(move.from->value());
      } else {
        params.emplace_back(std::nullopt);
      }
      params.emplace_back(move.to.value());
      params.insert(params.end(), shared_tail.begin(), shared_tail.end());
    }
    c.query(sql, params);
  }
}

std::vector<AssignmentRecord> AssignmentRepository::for_contact(storage::Connection& c,
                                                                ShopId shop_id,
                                                                ContactId contact_id,
                                                                std::int64_t limit) {
  return storage::rows_as(c, kForContact, {shop_id.value(), contact_id.value(), limit},
                          [](const storage::RowView& r) { return kRecord.read(r); });
}

std::string_view AssignmentRepository::for_contact_sql() { return kForContact; }

}  // namespace rx::contacts
