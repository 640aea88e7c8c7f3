#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "messaging/message.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

// One shop-local day of the outbox: messages created that day by their current status.
struct DailyCount {
  std::string date;
  std::int64_t queued = 0;  // with those being sent right now
  std::int64_t sent = 0;
  std::int64_t delivered = 0;
  std::int64_t read = 0;
  std::int64_t failed = 0;
  std::int64_t awaiting_approval = 0;  // held for a manager's approval (review mode)
  std::int64_t expired = 0;            // not approved by the end of the send window
  std::int64_t total = 0;
};

struct DailyCounts {
  std::string from;
  std::string to;
  std::vector<DailyCount> days;  // every day from..to, ascending
};

// What managers do with the outbox after the fact: send a failed message again, and see the
// counts per day.
class OutboxReviewService {
 public:
  OutboxReviewService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // A failed message back to the queue for the next scheduler pass. Throws AppError(kNotFound)
  // when the shop has no such message, AppError(kConflict) when it is not failed or its
  // customer may no longer be messaged on its channel.
  Message retry(const auth::Principal& actor, core::MessageId message);
  // Defaults: `to` today (shop-local), `from` 13 days before `to`. Throws AppError(kValidation)
  // when from is after to or the window is longer than 366 days.
  DailyCounts daily(const auth::Principal& actor, std::optional<std::string> from,
                    std::optional<std::string> to);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging
