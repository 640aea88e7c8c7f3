#pragma once

#include "staff/staff_member.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::staff {

// SQL for the staff table. Every call but the login lookup is scoped by shop_id.
// Failures: every call throws the driver's AppError (storage/driver_error.h): kUnavailable when
// the database is busy or unreachable, kConflict for a unique or foreign key violation.
// insert() throws AppError(kConflict) when the email is taken, in any shop. A read of a row
// this version cannot read (a role it does not know) throws AppError(kInternal).
class StaffRepository {
 public:
  static std::int64_t insert(storage::Connection& c, std::int64_t shop_id,
                             const NewStaffMember& member, std::int64_t now_ms);
  static std::optional<StaffMember> find(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t id);
  static std::vector<StaffMember> list(storage::Connection& c, std::int64_t shop_id,
                                       std::optional<bool> active, std::int64_t limit,
                                       std::int64_t offset);
  static std::int64_t count(storage::Connection& c, std::int64_t shop_id,
                            std::optional<bool> active);
  static void update(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                     const StaffChanges& changes, std::int64_t now_ms);
  // Stores the member's max_open_contacts, away_from and away_until as `limits` holds them.
  static void set_assignment_limits(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                    const StaffMember& limits, std::int64_t now_ms);
  static std::int64_t count_active_owners(storage::Connection& c, std::int64_t shop_id);

  static std::optional<Credentials> credentials_by_email(storage::Connection& c,
                                                         const std::string& email);
  static std::optional<std::string> password_hash(storage::Connection& c, std::int64_t shop_id,
                                                  std::int64_t id);
  static void set_password_hash(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                const std::string& hash, std::int64_t now_ms);
};

}  // namespace rx::staff
