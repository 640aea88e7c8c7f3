#pragma once

#include "auth/login_throttle.h"
#include "core/clock.h"
#include "core/identity/principal.h"
#include "staff/staff_member.h"
#include "storage/database.h"

#include <string>
#include <vector>

namespace rx::staff {

struct CreateStaffRequest {
  std::string name;
  std::string email;
  std::string password;
  auth::Role role = auth::Role::kStaff;
  std::optional<std::string> phone;
};

struct StaffPage {
  std::vector<StaffMember> items;
  std::int64_t total = 0;
};

// Staff management rules: who may create, promote and deactivate whom.
class StaffService {
 public:
  StaffService(storage::Database& db, const core::Clock& clock, auth::ThrottleLimits limits = {})
      : db_(db), clock_(clock), throttle_(limits) {}

  // Throws AppError(kForbidden) when a non-owner adds an owner, AppError(kConflict) when the
  // email is taken (in any shop).
  StaffMember create(const auth::Principal& actor, const CreateStaffRequest& request);
  StaffPage list(const auth::Principal& actor, std::optional<bool> active, std::int64_t limit,
                 std::int64_t offset);
  // Throws AppError(kNotFound) when `id` is no staff member of the actor's shop.
  StaffMember get(const auth::Principal& actor, std::int64_t id);
  // Throws AppError(kNotFound) as get(); AppError(kForbidden) when a non-owner changes an owner
  // or makes someone an owner; AppError(kConflict) when the change would leave the shop without
  // an active owner.
  // Also throws kValidation naming away_until (or away_from, the one changed) when the leave
  // would end before it starts.
  StaffMember update(const auth::Principal& actor, std::int64_t id, const StaffChanges& changes);
  // A wrong current password is 422 (AppError(kValidation)) and counts like a failed sign-in of the
  // actor's email (429 past the sign-in throttle's limits: AppError(kRateLimited)); the other
  // sessions end once the password is changed.
  void change_own_password(const auth::Principal& actor, const std::string& current,
                           const std::string& replacement);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
  auth::LoginThrottle throttle_;
};

}  // namespace rx::staff
