#pragma once

#include "contacts/contact_types.h"
#include "core/strong_id.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace rx::insights_api {

// One call attempt: when it happened and what came of it.
struct CallAttempt {
  std::int64_t occurred_at = 0;
  contacts::InteractionOutcome outcome = contacts::InteractionOutcome::kAnswered;
};

// A call attempt of one contact.
struct ContactCallAttempt {
  std::int64_t contact_id = 0;
  std::int64_t occurred_at = 0;
  contacts::InteractionOutcome outcome = contacts::InteractionOutcome::kAnswered;
};

struct CallQuery {
  std::int64_t from_ms = 0;  // inclusive
  std::int64_t to_ms = 0;    // exclusive
  std::optional<core::StaffId> staff_id;
};

// The shop's calls (kind = call) that happened (occurred_at) in the query's span, with an
// outcome that says whether someone was reached; other outcomes are not attempts. Throws the
// driver's failures (storage/driver_error.h).
class ContactTimesRepository {
 public:
  static std::vector<CallAttempt> call_attempts(storage::Connection& c, core::ShopId shop_id,
                                                const CallQuery& query);
  // Every call attempt (as call_attempts, at any time) of the shop's contacts among `contact_ids`,
  // in one query. Throws the driver's failures.
  static std::vector<ContactCallAttempt> contact_call_attempts(
      storage::Connection& c, core::ShopId shop_id, const std::vector<std::int64_t>& contact_ids);
};

// Whether the outcome counts as a call attempt (contacts::is_reached says whether someone picked
// up). Throws nothing.
bool is_call_attempt(contacts::InteractionOutcome outcome);

}  // namespace rx::insights_api
