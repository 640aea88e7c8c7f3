#pragma once

#include "contacts/contact_types.h"
#include "core/strong_id.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::contacts {

// Which open follow-ups a list shows, relative to the shop's today.
struct FollowUpWindow {
  std::optional<std::int64_t> due_from;   // inclusive
  std::optional<std::int64_t> due_until;  // exclusive
  bool include_done = false;
};

// SQL for contact_follow_ups (a telecaller's follow-ups). Every statement is scoped by shop_id.
//
// Failures, for every function below: a driver failure is thrown as core::AppError with the code
// storage/driver_error.h gives it (kConflict for a unique key, kValidation for a broken check or
// foreign key, kUnavailable for a busy or lost database, else kInternal); a row holding a state
// this version does not know throws kInternal (storage/codec.h). A missing row is not a failure:
// a find answers nullopt and a write to it changes nothing.
class FollowUpRepository {
 public:
  // A follow-up `staff_id` is to make, set by `created_by`.
  static core::FollowUpId insert(storage::Connection& c, core::ShopId shop_id,
                                 core::ContactId contact_id, core::StaffId staff_id,
                                 core::StaffId created_by, std::int64_t due_at,
                                 const std::optional<std::string>& note, std::int64_t now_ms);
  static std::optional<FollowUp> find(storage::Connection& c, core::ShopId shop_id,
                                      core::FollowUpId id);
  // Every follow-up of the contact, done or not, latest due first.
  static std::vector<FollowUp> for_contact(storage::Connection& c, core::ShopId shop_id,
                                           core::ContactId contact_id);
  // One page of those in `window`, of `staff_id` (empty: everyone's), soonest due first.
  static std::vector<FollowUp> list(storage::Connection& c, core::ShopId shop_id,
                                    std::optional<core::StaffId> staff_id,
                                    const FollowUpWindow& window, std::int64_t limit,
                                    std::int64_t offset);
  static std::int64_t count(storage::Connection& c, core::ShopId shop_id,
                            std::optional<core::StaffId> staff_id, const FollowUpWindow& window);
  // False when it was done already (or is not in the shop).
  static bool mark_done(storage::Connection& c, core::ShopId shop_id, core::FollowUpId id,
                        std::int64_t now_ms);
};

}  // namespace rx::contacts
