#include "contacts/auto_assign.h"

#include "contacts/assignment_repository.h"
#include "contacts/contact_repository.h"
#include "core/time_zone.h"

#include <algorithm>
#include <limits>

namespace rx::contacts {

using core::ContactId;
using core::ShopId;
using core::StaffId;

namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;

}  // namespace

Receivers automatic_receivers(const std::vector<Assignee>& assignees) {
  Receivers out;
  for (const Assignee& a : assignees) {
    if (!a.active || !a.telecaller || a.away) continue;
    out.ids.push_back(a.id);
    if (a.capacity) out.capacity[a.id] = *a.capacity;
  }
  std::sort(out.ids.begin(), out.ids.end());
  return out;
}

void apply_split(storage::Connection& c, ShopId shop_id, const AssignSplit& split,
                 const std::map<ContactId, std::optional<StaffId>>& holders,
                 std::optional<StaffId> by, AssignReason why, std::int64_t now_ms) {
  std::vector<ContactId> all_ids;
  for (const auto& [staff_id, ids] : split.batches)
    all_ids.insert(all_ids.end(), ids.begin(), ids.end());
  if (all_ids.empty()) return;
  // Every contact first, then the counts their triggers move (the lock order of a bill).
  ContactRepository::lock_for_update(c, shop_id, all_ids);
  std::vector<AssignmentMove> moves;
  moves.reserve(all_ids.size());
  for (const auto& [staff_id, ids] : split.batches) {
    ContactRepository::assign(c, shop_id, staff_id, ids, now_ms);
    for (ContactId id : ids) {
      const auto held = holders.find(id);
      moves.push_back({id, held == holders.end() ? std::nullopt : held->second, staff_id});
    }
  }
  AssignmentRepository::record(c, shop_id, moves, by, why, now_ms);
}

AssignOutcome share_upload(storage::Database& db, ShopId shop_id, core::UploadId upload_id,
                           std::int64_t now_ms) {
  AssignOutcome out;
  db.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    out = {};
    ContactRepository::lock_assignments(c, shop_id);
    const auto settings = AssignmentRepository::settings(c, shop_id);
    const std::vector<AssignCandidate> candidates =
        AssignmentRepository::unassigned_of_upload(c, shop_id, upload_id);
    if (!settings || !settings->on_upload) {
      out.unassigned = static_cast<std::int64_t>(candidates.size());
      return;
    }
    const std::string today = core::local_date(now_ms, settings->time_zone);
    const Receivers receivers =
        automatic_receivers(AssignmentRepository::assignees(c, shop_id, today));
    const AssignSplit split = split_least_loaded(
        receivers.ids, ContactRepository::open_counts(c, shop_id), candidates, receivers.capacity);
    apply_split(c, shop_id, split, {}, std::nullopt, AssignReason::kUpload, now_ms);
    for (const auto& [staff_id, count] : split.given) out.assigned[staff_id] = count;
    out.unassigned = static_cast<std::int64_t>(split.left_over.size());
  });
  return out;
}

ReassignCounts reassign_open(storage::Connection& c, ShopId shop_id, const AssignSettings& settings,
                             const std::string& today, std::int64_t now_ms) {
  ReassignCounts counts;
  const std::vector<Assignee> assignees = AssignmentRepository::assignees(c, shop_id, today);
  std::map<StaffId, const Assignee*> by_id;
  for (const Assignee& a : assignees) by_id[a.id] = &a;
  const Receivers receivers = automatic_receivers(assignees);
  // Worked last before this: stale (with no reassign_after_days, nothing is: the earliest instant).
  const std::int64_t stale_before = settings.reassign_after_days
                                        ? now_ms - *settings.reassign_after_days * kDayMs
                                        : std::numeric_limits<std::int64_t>::min();

  // What must move, by holder and reason, in contact order.
  std::map<std::pair<StaffId, AssignReason>, std::vector<AssignCandidate>> due;
  for (const HeldContact& held : AssignmentRepository::open_held(c, shop_id)) {
    const auto holder = by_id.find(held.holder);
    if (holder == by_id.end()) continue;
    AssignReason why;
    if (!holder->second->active) {
      why = AssignReason::kDeactivated;
    } else if (holder->second->away) {
      why = AssignReason::kAway;
    } else if (held.last_activity <= stale_before) {
      why = AssignReason::kStale;
    } else {
      continue;
    }
    due[{held.holder, why}].push_back({held.id, true, held.holder, false});
  }

  std::map<StaffId, std::int64_t> load = ContactRepository::open_counts(c, shop_id);
  for (const auto& [key, candidates] : due) {
    const auto& [holder, why] = key;
    std::vector<StaffId> others;
    for (StaffId id : receivers.ids)
      if (id != holder) others.push_back(id);
    const AssignSplit split = split_least_loaded(others, load, candidates, receivers.capacity);
    std::map<ContactId, std::optional<StaffId>> holders;
    for (const auto& candidate : candidates) holders[candidate.id] = holder;
    apply_split(c, shop_id, split, holders, std::nullopt, why, now_ms);
    std::int64_t moved = 0;
    for (const auto& [staff_id, count] : split.given) {
      load[staff_id] += count;
      moved += count;
    }
    load[holder] -= moved;
    counts.kept += static_cast<std::int64_t>(split.left_over.size());
    switch (why) {
      case AssignReason::kStale:
        counts.stale += moved;
        break;
      case AssignReason::kAway:
        counts.away += moved;
        break;
      case AssignReason::kDeactivated:
        counts.deactivated += moved;
        break;
      default:
        break;
    }
  }
  return counts;
}

}  // namespace rx::contacts
