#include "staff/staff_repository.h"

#include "storage/table.h"

#include <string>

namespace rx::staff {
namespace {

constexpr std::string_view kInsert = R"(
INSERT INTO staff (shop_id, name, email, phone, role, password_hash, active, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?))";

// The staff table as a StaffMember reads it. The password hash is read on its own
// (credentials_by_email, password_hash), never with a member.
constexpr storage::Table kMember(
    storage::column("id", &StaffMember::id), storage::column("shop_id", &StaffMember::shop_id),
    storage::column("name", &StaffMember::name), storage::column("email", &StaffMember::email),
    storage::column("phone", &StaffMember::phone), storage::column("role", &StaffMember::role),
    storage::column("active", &StaffMember::active),
    storage::column("created_at", &StaffMember::created_at),
    storage::column("max_open_contacts", &StaffMember::max_open_contacts),
    storage::column("away_from", &StaffMember::away_from),
    storage::column("away_until", &StaffMember::away_until));

constexpr storage::Table kCredentialsColumns(storage::column("id", &Credentials::staff_id),
                                             storage::column("shop_id", &Credentials::shop_id),
                                             storage::column("password_hash",
                                                             &Credentials::password_hash),
                                             storage::column("active", &Credentials::active));

const std::string& find_sql() {
  static const std::string sql =
      "SELECT " + kMember.select_list() + " FROM staff WHERE shop_id = ? AND id = ?";
  return sql;
}

const std::string& list_all_sql() {
  static const std::string sql = "SELECT " + kMember.select_list() +
                                 " FROM staff WHERE shop_id = ? ORDER BY active DESC, name, id "
                                 "LIMIT ? OFFSET ?";
  return sql;
}

const std::string& list_by_active_sql() {
  static const std::string sql =
      "SELECT " + kMember.select_list() +
      " FROM staff WHERE shop_id = ? AND active = ? ORDER BY name, id LIMIT ? OFFSET ?";
  return sql;
}

const std::string& credentials_sql() {
  static const std::string sql =
      "SELECT " + kCredentialsColumns.select_list() + " FROM staff WHERE email = ?";
  return sql;
}

constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM staff WHERE shop_id = ?";
constexpr std::string_view kCountByActive =
    "SELECT COUNT(*) FROM staff WHERE shop_id = ? AND active = ?";
constexpr std::string_view kCountOwners =
    "SELECT COUNT(*) FROM staff WHERE shop_id = ? AND role = 'owner' AND active = TRUE";

constexpr std::string_view kPasswordHash =
    "SELECT password_hash FROM staff WHERE shop_id = ? AND id = ?";
constexpr std::string_view kSetPasswordHash =
    "UPDATE staff SET password_hash = ?, updated_at = ? WHERE shop_id = ? AND id = ?";

// Each optional change is applied with COALESCE so one statement serves every combination.
constexpr std::string_view kUpdate = R"(
UPDATE staff SET
  name = COALESCE(?, name),
  phone = CASE WHEN ? = 1 THEN ? ELSE phone END,
  role = COALESCE(?, role),
  active = COALESCE(?, active),
  deactivated_at = CASE WHEN ? = 0 THEN ? WHEN ? = 1 THEN NULL ELSE deactivated_at END,
  updated_at = ?
WHERE shop_id = ? AND id = ?)";

constexpr std::string_view kSetAssignmentLimits =
    "UPDATE staff SET max_open_contacts = ?, away_from = ?, away_until = ?, updated_at = ? "
    "WHERE shop_id = ? AND id = ?";

StaffMember read_member(const storage::RowView& row) { return kMember.read(row); }

}  // namespace

std::int64_t StaffRepository::insert(storage::Connection& c, std::int64_t shop_id,
                                     const NewStaffMember& member, std::int64_t now_ms) {
  return c.insert_returning_id(kInsert, {shop_id, member.name, member.email, member.phone,
                                         storage::Codec<core::Role>::bind(member.role),
                                         member.password_hash, now_ms, now_ms});
}

std::optional<StaffMember> StaffRepository::find(storage::Connection& c, std::int64_t shop_id,
                                                 std::int64_t id) {
  return storage::first_row_as(c, find_sql(), {shop_id, id}, read_member);
}

std::vector<StaffMember> StaffRepository::list(storage::Connection& c, std::int64_t shop_id,
                                               std::optional<bool> active, std::int64_t limit,
                                               std::int64_t offset) {
  return active ? storage::rows_as(c, list_by_active_sql(), {shop_id, *active, limit, offset},
                                   read_member)
                : storage::rows_as(c, list_all_sql(), {shop_id, limit, offset}, read_member);
}

std::int64_t StaffRepository::count(storage::Connection& c, std::int64_t shop_id,
                                    std::optional<bool> active) {
  return active ? c.query_int(kCountByActive, {shop_id, *active})
                : c.query_int(kCountAll, {shop_id});
}

void StaffRepository::update(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                             const StaffChanges& changes, std::int64_t now_ms) {
  storage::Value role;
  if (changes.role) role = storage::Codec<core::Role>::bind(*changes.role);
  storage::Value phone;
  if (changes.phone && *changes.phone) phone = **changes.phone;
  const int active_flag = changes.active ? (*changes.active ? 1 : 0) : -1;
  c.query(kUpdate, {changes.name, changes.phone ? 1 : 0, phone, role,
                    changes.active ? storage::Value(*changes.active) : storage::Value(),
                    active_flag, now_ms, active_flag, now_ms, shop_id, id});
}

void StaffRepository::set_assignment_limits(storage::Connection& c, std::int64_t shop_id,
                                            std::int64_t id, const StaffMember& limits,
                                            std::int64_t now_ms) {
  c.query(kSetAssignmentLimits,
          {limits.max_open_contacts, limits.away_from, limits.away_until, now_ms, shop_id, id});
}

std::int64_t StaffRepository::count_active_owners(storage::Connection& c, std::int64_t shop_id) {
  return c.query_int(kCountOwners, {shop_id});
}

std::optional<Credentials> StaffRepository::credentials_by_email(storage::Connection& c,
                                                                 const std::string& email) {
  return storage::first_row_as(c, credentials_sql(), {email}, [](const storage::RowView& row) {
    return kCredentialsColumns.read(row);
  });
}

std::optional<std::string> StaffRepository::password_hash(storage::Connection& c,
                                                          std::int64_t shop_id, std::int64_t id) {
  return storage::first_row_as(c, kPasswordHash, {shop_id, id}, [](const storage::RowView& row) {
    return storage::Codec<std::string>::read(row, 0);
  });
}

void StaffRepository::set_password_hash(storage::Connection& c, std::int64_t shop_id,
                                        std::int64_t id, const std::string& hash,
                                        std::int64_t now_ms) {
  c.query(kSetPasswordHash, {hash, now_ms, shop_id, id});
}

}  // namespace rx::staff
