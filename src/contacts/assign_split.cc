#include "contacts/assign_split.h"

#include <limits>
#include <set>
#include <utility>

namespace rx::contacts {

AssignSplit split_least_loaded(const std::vector<core::StaffId>& staff_ids,
                               const std::map<core::StaffId, std::int64_t>& open_load,
                               const std::vector<AssignCandidate>& candidates,
                               const AssignCapacity& capacity) {
  AssignSplit out;
  if (staff_ids.empty()) {
    for (const auto& candidate : candidates)
      if (candidate.open) out.left_over.push_back(candidate.id);
    return out;
  }
  std::map<core::StaffId, std::int64_t> load_of;
  std::map<core::StaffId, std::int64_t> limit_of;
  for (core::StaffId id : staff_ids) {
    const auto held = open_load.find(id);
    load_of[id] = held == open_load.end() ? 0 : held->second;
    const auto limit = capacity.find(id);
    limit_of[id] =
        limit == capacity.end() ? std::numeric_limits<std::int64_t>::max() : limit->second;
  }
  for (const auto& candidate : candidates) {
    if (candidate.open && candidate.holder && load_of.count(*candidate.holder))
      --load_of[*candidate.holder];
  }
  // Ordered by (open contacts held, staff id): the first with room is the least loaded one.
  using Slot = std::pair<std::int64_t, core::StaffId>;
  std::set<Slot> least_loaded;
  for (const auto& [id, held] : load_of) least_loaded.insert({held, id});
  for (core::StaffId id : staff_ids) out.given[id] = 0;
  for (const auto& candidate : candidates) {
    auto chosen = least_loaded.begin();
    if (candidate.open) {
      while (chosen != least_loaded.end() && chosen->first >= limit_of[chosen->second]) ++chosen;
      if (chosen == least_loaded.end()) {
        out.left_over.push_back(candidate.id);
        continue;
      }
    }
    const auto [held, staff_id] = *chosen;
    least_loaded.erase(chosen);
    out.batches[staff_id].push_back(candidate.id);
    ++out.given[staff_id];
    least_loaded.insert({held + (candidate.open ? 1 : 0), staff_id});
  }
  return out;
}

}  // namespace rx::contacts
