#pragma once

#include "core/clock.h"
#include "storage/database.h"

#include <cstdint>

namespace rx::automation {

struct DailyJobCounts {
  std::int64_t shops = 0;  // shops whose job ran in this pass (claimed their day)
  std::int64_t stale = 0;
  std::int64_t away = 0;
  std::int64_t deactivated = 0;
  std::int64_t kept = 0;  // due to move, but no one else had room
};

// The automatic jobs that run once per shop per shop-local day. Today one: for a shop with
// reassign_after_days set, open contacts move off holders who let them go stale, are away or
// were deactivated (contacts::reassign_open). Each shop's day is claimed in the transaction that
// does its work (AutomationRunRepository), under the shop's assignment lock, so several servers
// running passes at once move each contact once. `rxtrack automate` runs one pass;
// `rxtrack serve` runs one every scheduler interval (AutomationScheduler).
class DailyJobs {
 public:
  DailyJobs(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Throws only if the shops cannot be listed; a failing shop is logged and the pass goes on.
  DailyJobCounts run();

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::automation
