#include "staff/staff_repository.h"

namespace rx::staff {
namespace {

constexpr std::string_view kInsert = R"(
INSERT INTO staff (shop_id, name, email, phone, role, password_hash, active, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?))";

constexpr std::string_view kFind = R"(
SELECT id, shop_id, name, email, phone, role, active, created_at
FROM staff WHERE shop_id = ? AND id = ?)";

constexpr std::string_view kListAll = R"(
SELECT id, shop_id, name, email, phone, role, active, created_at
FROM staff WHERE shop_id = ? ORDER BY active DESC, name, id LIMIT ? OFFSET ?)";

constexpr std::string_view kListByActive = R"(
SELECT id, shop_id, name, email, phone, role, active, created_at
FROM staff WHERE shop_id = ? AND active = ? ORDER BY name, id LIMIT ? OFFSET ?)";

constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM staff WHERE shop_id = ?";
constexpr std::string_view kCountByActive =
    "SELECT COUNT(*) FROM staff WHERE shop_id = ? AND active = ?";
constexpr std::string_view kCountOwners =
    "SELECT COUNT(*) FROM staff WHERE shop_id = ? AND role = 'owner' AND active = TRUE";

constexpr std::string_view kCredentials = R"(
SELECT id, shop_id, password_hash, active FROM staff WHERE email = ?)";

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

StaffMember from_row(const storage::Row& row) {
  StaffMember m;
  m.id = row.int_at(0);
  m.shop_id = row.int_at(1);
  m.name = row.text_at(2);
  m.email = row.text_at(3);
  m.phone = row[4].as_opt_text();
  m.role = auth::parse_role(row.text_at(5)).value_or(auth::Role::kStaff);
  m.active = row.bool_at(6);
  m.created_at = row.int_at(7);
  return m;
}

}  // namespace

std::int64_t StaffRepository::insert(storage::Connection& c, std::int64_t shop_id,
                                     const NewStaffMember& member, std::int64_t now_ms) {
  return c.insert_returning_id(
      kInsert, {shop_id, member.name, member.email, member.phone,
                std::string(auth::to_string(member.role)), member.password_hash, now_ms, now_ms});
}

std::optional<StaffMember> StaffRepository::find(storage::Connection& c, std::int64_t shop_id,
                                                 std::int64_t id) {
  auto row = c.query_one(kFind, {shop_id, id});
  if (!row) return std::nullopt;
  return from_row(*row);
}

std::vector<StaffMember> StaffRepository::list(storage::Connection& c, std::int64_t shop_id,
                                               std::optional<bool> active, std::int64_t limit,
                                               std::int64_t offset) {
  storage::ResultSet result = active ? c.query(kListByActive, {shop_id, *active, limit, offset})
                                     : c.query(kListAll, {shop_id, limit, offset});
  std::vector<StaffMember> out;
  out.reserve(result.rows.size());
  for (const auto& row : result.rows) out.push_back(from_row(row));
  return out;
}

std::int64_t StaffRepository::count(storage::Connection& c, std::int64_t shop_id,
                                    std::optional<bool> active) {
  return active ? c.query_int(kCountByActive, {shop_id, *active})
                : c.query_int(kCountAll, {shop_id});
}

void StaffRepository::update(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                             const StaffChanges& changes, std::int64_t now_ms) {
  storage::Value role;
  if (changes.role) role = std::string(auth::to_string(*changes.role));
  storage::Value phone;
  if (changes.phone && *changes.phone) phone = **changes.phone;
  const int active_flag = changes.active ? (*changes.active ? 1 : 0) : -1;
  c.query(kUpdate, {changes.name, changes.phone ? 1 : 0, phone, role,
                    changes.active ? storage::Value(*changes.active) : storage::Value(),
                    active_flag, now_ms, active_flag, now_ms, shop_id, id});
}

std::int64_t StaffRepository::count_active_owners(storage::Connection& c, std::int64_t shop_id) {
  return c.query_int(kCountOwners, {shop_id});
}

std::optional<Credentials> StaffRepository::credentials_by_email(storage::Connection& c,
                                                                 const std::string& email) {
  auto row = c.query_one(kCredentials, {email});
  if (!row) return std::nullopt;
  return Credentials{row->int_at(0), row->int_at(1), row->text_at(2), row->bool_at(3)};
}

std::optional<std::string> StaffRepository::password_hash(storage::Connection& c,
                                                          std::int64_t shop_id, std::int64_t id) {
  auto row = c.query_one(kPasswordHash, {shop_id, id});
  if (!row) return std::nullopt;
  return row->text_at(0);
}

void StaffRepository::set_password_hash(storage::Connection& c, std::int64_t shop_id,
                                        std::int64_t id, const std::string& hash,
                                        std::int64_t now_ms) {
  c.query(kSetPasswordHash, {hash, now_ms, shop_id, id});
}

}  // namespace rx::staff
