#pragma once

#include "contacts/assign_split.h"
#include "contacts/assignment_types.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::contacts {

// A contact that changes hands, as the history records it.
struct AssignmentMove {
  core::ContactId contact_id;
  std::optional<core::StaffId> from;
  core::StaffId to;
};

// An open contact someone holds, with when it was last worked: the later of its assignment and
// its newest interaction.
struct HeldContact {
  core::ContactId id;
  core::StaffId holder;
  std::int64_t last_activity = 0;
};

// SQL for who may be given contacts and the assignment history (table contact_assignments).
// Every call is scoped by shop_id.
// Failures: every call throws the driver's AppError (storage/driver_error.h): kUnavailable when
// the database is busy or unreachable, kConflict for a unique or foreign key violation.
class AssignmentRepository {
 public:
  // The shop's auto_assign, reassign_after_days and time zone; nullopt for no such shop.
  static std::optional<AssignSettings> settings(storage::Connection& c, core::ShopId shop_id);
  // The shops with reassign_after_days set: those the daily job has work for.
  static std::vector<core::ShopId> shops_reassigning(storage::Connection& c);
  // Every staff member of the shop, by id, as seen on the shop-local day `today` (YYYY-MM-DD).
  static std::vector<Assignee> assignees(storage::Connection& c, core::ShopId shop_id,
                                         const std::string& today);
  // The upload's contacts no one holds, open ones only, by id.
  static std::vector<AssignCandidate> unassigned_of_upload(storage::Connection& c,
                                                           core::ShopId shop_id,
                                                           core::UploadId upload_id);
  // Every open (pending or contacted) contact someone holds, by id.
  static std::vector<HeldContact> open_held(storage::Connection& c, core::ShopId shop_id);
  // Appends the moves to the history, all at `at`, by `by` (empty: automatic).
  static void record(storage::Connection& c, core::ShopId shop_id,
                     const std::vector<AssignmentMove>& moves, std::optional<core::StaffId> by,
                     AssignReason why, std::int64_t at);
  // A contact's history, the latest recorded first (whatever clock each was recorded by), at
  // most `limit` rows.
  static std::vector<AssignmentRecord> for_contact(storage::Connection& c, core::ShopId shop_id,
                                                   core::ContactId contact_id, std::int64_t limit);
  // The statement for_contact runs, with parameters (shop, contact, limit); its query plan is
  // checked in a test.
  static std::string_view for_contact_sql();
};

}  // namespace rx::contacts
