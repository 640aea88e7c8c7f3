#include "contacts/assign_split.h"

#include <functional>
#include <queue>
#include <utility>

namespace rx::contacts {

AssignSplit split_least_loaded(const std::vector<core::StaffId>& staff_ids,
                               const std::map<core::StaffId, std::int64_t>& open_load,
                               const std::vector<AssignCandidate>& candidates) {
  AssignSplit out;
  if (staff_ids.empty()) return out;
  std::map<core::StaffId, std::int64_t> load_of;
  for (core::StaffId id : staff_ids) {
    const auto held = open_load.find(id);
    load_of[id] = held == open_load.end() ? 0 : held->second;
  }
  for (const auto& candidate : candidates) {
    if (candidate.open && candidate.holder && load_of.count(*candidate.holder))
      --load_of[*candidate.holder];
  }
  using Slot = std::pair<std::int64_t, core::StaffId>;  // (open contacts held, staff id)
  std::priority_queue<Slot, std::vector<Slot>, std::greater<>> least_loaded;
  for (const auto& [id, held] : load_of) least_loaded.push({held, id});
  for (core::StaffId id : staff_ids) out.given[id] = 0;
  for (const auto& candidate : candidates) {
    auto [held, staff_id] = least_loaded.top();
    least_loaded.pop();
    out.batches[staff_id].push_back(candidate.id);
    ++out.given[staff_id];
    least_loaded.push({held + (candidate.open ? 1 : 0), staff_id});
  }
  return out;
}

}  // namespace rx::contacts
