#pragma once

#include "contacts/assign_split.h"
#include "contacts/assignment_types.h"
#include "storage/database.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rx::contacts {

// Who may be handed contacts, with their capacities.
struct Receivers {
  std::vector<core::StaffId> ids;  // sorted
  AssignCapacity capacity;
};

// The automatic shares go to active telecallers (role staff) not away today.
Receivers automatic_receivers(const std::vector<Assignee>& assignees);

// Applies a split: locks its contacts, gives each batch to its staff member and records every
// move in the history (`holders`: who held each contact before; by: empty for automatic).
void apply_split(storage::Connection& c, core::ShopId shop_id, const AssignSplit& split,
                 const std::map<core::ContactId, std::optional<core::StaffId>>& holders,
                 std::optional<core::StaffId> by, AssignReason why, std::int64_t now_ms);

struct AssignOutcome {
  std::map<core::StaffId, std::int64_t> assigned;
  std::int64_t unassigned = 0;
};

// An upload's share-out (auto_assign on_upload): its open contacts no one holds go to the
// automatic receivers, least loaded first, never above capacity; the rest stay unassigned. With
// auto_assign off nothing moves and every such contact is counted unassigned. One write
// transaction under the shop's assignment lock, so two uploads at once never give one contact
// twice or exceed a capacity. Throws what the repositories throw for a database failure.
AssignOutcome share_upload(storage::Database& db, core::ShopId shop_id, core::UploadId upload_id,
                           std::int64_t now_ms);

struct ReassignCounts {
  std::int64_t stale = 0;
  std::int64_t away = 0;
  std::int64_t deactivated = 0;
  std::int64_t kept = 0;  // due to move, but no one else had room
};

// The daily move, inside the caller's write transaction (which holds the shop's assignment lock
// and its day's claim): every open contact whose holder is deactivated or away on `today`, or
// that nobody worked for `settings.reassign_after_days` days, goes to the least loaded other
// automatic receiver with room; what does not fit stays where it is.
ReassignCounts reassign_open(storage::Connection& c, core::ShopId shop_id,
                             const AssignSettings& settings, const std::string& today,
                             std::int64_t now_ms);

}  // namespace rx::contacts
