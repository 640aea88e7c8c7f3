#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "storage/database.h"

#include <cstddef>
#include <vector>

namespace rx::messaging {

// What a manager approves: the listed messages, or everything awaiting approval.
struct ApprovalRequest {
  static constexpr std::size_t kMaxIds = 500;
  bool all = false;
  std::vector<core::MessageId> ids;  // 1..kMaxIds distinct ids when !all
};

// Look before sending: a manager (or owner) moves messages awaiting approval to the queue, where
// the next pass of the scheduler sends them. The list itself is GET /api/messages with
// status=awaiting_approval.
class OutreachApprovalService {
 public:
  OutreachApprovalService(storage::Database& db, const core::Clock& clock)
      : db_(db), clock_(clock) {}

  // All or nothing, in one write transaction with its audit entry (who, how many, which). Each
  // row moves by a conditional update, so an expiry racing with it takes the row or leaves it
  // (MessageRepository::approve). Listed ids: AppError(kNotFound) with details {"ids": [...]}
  // when the shop has no such message; AppError(kConflict) with details {"ids": [...],
  // "statuses": {"<id>": status}} when some no longer await approval (expired, already
  // approved or sent), also when that happened meanwhile. `all` approves whatever awaits now,
  // perhaps nothing. Returns the ids approved, ascending.
  std::vector<core::MessageId> approve(const auth::Principal& actor,
                                       const ApprovalRequest& request);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::messaging
