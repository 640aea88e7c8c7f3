#include "staff/staff_service.h"

#include "auth/password_hasher.h"
#include "auth/session_repository.h"
#include "core/error.h"
#include "staff/staff_repository.h"

namespace rx::staff {

using auth::Role;
using core::AppError;
using core::ErrorCode;

StaffMember StaffService::create(const auth::Principal& actor, const CreateStaffRequest& request) {
  if (request.role == Role::kOwner && actor.role != Role::kOwner) {
    throw AppError(ErrorCode::kForbidden, "only an owner can add another owner");
  }
  NewStaffMember member{request.name, request.email, request.phone, request.role,
                        auth::PasswordHasher::hash(request.password)};
  StaffMember created;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    try {
      std::int64_t id = StaffRepository::insert(c, actor.shop_id, member, clock_.now_ms());
      created = *StaffRepository::find(c, actor.shop_id, id);
    } catch (const AppError& e) {
      if (e.code() != ErrorCode::kConflict) throw;
      throw AppError(ErrorCode::kConflict, "someone already signs in with this email",
                     {{"fields", {{"email", "already in use"}}}});
    }
  });
  return created;
}

StaffPage StaffService::list(const auth::Principal& actor, std::optional<bool> active,
                             std::int64_t limit, std::int64_t offset) {
  StaffPage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items = StaffRepository::list(c, actor.shop_id, active, limit, offset);
    page.total = StaffRepository::count(c, actor.shop_id, active);
  });
  return page;
}

StaffMember StaffService::get(const auth::Principal& actor, std::int64_t id) {
  std::optional<StaffMember> found;
  db_.with_connection(
      [&](storage::Connection& c) { found = StaffRepository::find(c, actor.shop_id, id); });
  if (!found) core::throw_not_found("staff member");
  return *found;
}

StaffMember StaffService::update(const auth::Principal& actor, std::int64_t id,
                                 const StaffChanges& changes) {
  StaffMember updated;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    auto current = StaffRepository::find(c, actor.shop_id, id);
    if (!current) core::throw_not_found("staff member");
    if (actor.role != Role::kOwner) {
      if (current->role == Role::kOwner) {
        throw AppError(ErrorCode::kForbidden, "only an owner can change an owner");
      }
      if (changes.role == Role::kOwner) {
        throw AppError(ErrorCode::kForbidden, "only an owner can make someone an owner");
      }
    }
    const bool loses_owner =
        current->role == Role::kOwner && current->active &&
        ((changes.role && *changes.role != Role::kOwner) || (changes.active && !*changes.active));
    if (loses_owner && StaffRepository::count_active_owners(c, actor.shop_id) <= 1) {
      throw AppError(ErrorCode::kConflict, "the shop must keep at least one active owner");
    }
    const std::int64_t now = clock_.now_ms();
    StaffRepository::update(c, actor.shop_id, id, changes, now);
    if (changes.max_open_contacts || changes.away_from || changes.away_until) {
      StaffMember limits = *current;
      if (changes.max_open_contacts) limits.max_open_contacts = *changes.max_open_contacts;
      if (changes.away_from) limits.away_from = *changes.away_from;
      if (changes.away_until) limits.away_until = *changes.away_until;
      if (limits.away_from && limits.away_until && *limits.away_until < *limits.away_from) {
        const std::string field = changes.away_until ? "away_until" : "away_from";
        throw AppError(ErrorCode::kValidation, "the leave must end on or after its first day",
                       {{"fields", {{field, "must be on or after away_from"}}}});
      }
      StaffRepository::set_assignment_limits(c, actor.shop_id, id, limits, now);
    }
    if (changes.active && !*changes.active) {
      auth::SessionRepository::revoke_all_for_staff(c, actor.shop_id, id, now);
    }
    updated = *StaffRepository::find(c, actor.shop_id, id);
  });
  return updated;
}

void StaffService::change_own_password(const auth::Principal& actor, const std::string& current,
                                       const std::string& replacement) {
  std::optional<std::string> stored;
  auth::Admission admission;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    admission = throttle_.admit(c, auth::AttemptKind::kSignIn, actor.email, actor.client_ip,
                                clock_.now_ms());
    if (admission.admitted()) {
      stored = StaffRepository::password_hash(c, actor.shop_id, actor.staff_id);
    }
  });
  if (!admission.admitted()) {
    throw auth::rate_limited("too many wrong passwords; try again later",
                             admission.retry_after_seconds);
  }
  if (!stored || !auth::PasswordHasher::verify(*stored, current)) {
    throw AppError(ErrorCode::kValidation, "the current password is wrong",
                   {{"fields", {{"current_password", "wrong password"}}}});
  }
  const std::string hash = auth::PasswordHasher::hash(replacement);
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    throttle_.mark_succeeded(c, admission.attempt_id, clock_.now_ms());
    StaffRepository::set_password_hash(c, actor.shop_id, actor.staff_id, hash, clock_.now_ms());
    // Whoever else held this person's sessions (a lost phone) is signed out.
    auth::SessionRepository::revoke_others(c, actor.shop_id, actor.staff_id, actor.token_hash,
                                           clock_.now_ms());
  });
}

}  // namespace rx::staff
