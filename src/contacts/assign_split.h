#pragma once

#include "core/strong_id.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace rx::contacts {

// A contact an assignment may hand out.
struct AssignCandidate {
  core::ContactId id;
  bool open = false;  // pending or contacted: counts toward the holder's load
  std::optional<core::StaffId> holder;
  bool converted = false;
};

// Who gets which contacts.
struct AssignSplit {
  std::map<core::StaffId, std::vector<core::ContactId>> batches;  // in the candidates' order
  std::map<core::StaffId, std::int64_t> given;                    // how many each got (0 included)
  std::vector<core::ContactId> left_over;  // open candidates no one had room for, in order
};

// How many open contacts a staff member may hold at most; a staff member missing from the map
// has no limit.
using AssignCapacity = std::map<core::StaffId, std::int64_t>;

// The least-loaded split: each candidate, in order, goes to the chosen staff member who holds the
// fewest open contacts at that moment (the smaller staff id on a tie); an open candidate adds one
// to their load, a yellow one adds nothing. `open_load` is what each staff member holds now
// (missing: none); a candidate being moved no longer weighs on a chosen person who holds it.
// `staff_ids` must be sorted and distinct; with none, nothing is given. An open candidate never
// goes to someone whose load has reached their `capacity` (a load already above it included):
// it goes to the least loaded one with room, or, when no one has room, to `left_over`. A yellow
// candidate adds no load, so anyone may take it. Pure: no database.
AssignSplit split_least_loaded(const std::vector<core::StaffId>& staff_ids,
                               const std::map<core::StaffId, std::int64_t>& open_load,
                               const std::vector<AssignCandidate>& candidates,
                               const AssignCapacity& capacity = {});

}  // namespace rx::contacts
