#pragma once

#include "core/clock.h"
#include "messaging/delivery_rules.h"
#include "messaging/message.h"
#include "messaging/messaging_settings.h"
#include "messaging/outreach_repository.h"
#include "storage/database.h"

#include <string>

namespace rx::messaging {

// What one pass did, summed over shops.
struct PassCounts {
  int queued = 0;
  int awaiting_approval = 0;  // added for a manager's approval (review mode), not sent
  int expired = 0;            // not approved by the end of the send window
  int sent = 0;
  int failed = 0;
  int skipped = 0;  // due reminders left on the staff call list

  // Rows a pass added for `shop`: queued, or awaiting approval in review mode.
  void count_added(const ShopClock& shop, int n) {
    (shop.outreach_approval == automation::OutreachApproval::kReview ? awaiting_approval
                                                                     : queued) += n;
  }
};

// Sends a shop's due outbox rows. Each row is claimed in its own committed transaction before
// the provider is called and settled in another afterwards, so a row is never sent by two
// senders, and a sender that dies mid-send leaves a `sending` row that fail_abandoned turns
// into "interrupted" instead of sending it again.
class OutboxSender {
 public:
  OutboxSender(storage::Database& db, const core::Clock& clock, std::string worker)
      : db_(db), clock_(clock), worker_(std::move(worker)) {}

  // Answers how many rows it failed. Database failures are thrown as core::AppError
  // (storage/driver_error.h), as by send_due; a provider's refusal is never thrown, it is
  // recorded on the row.
  int fail_abandoned(const ShopClock& shop);
  // Sends the rows that are due: not waiting for a retry, and planned for now or earlier; when
  // `window_ending`, every queued row, whatever it was planned for (nothing waits past the
  // send window).
  void send_due(const ShopClock& shop, const MessagingSettings& settings, const std::string& today,
                PassCounts& counts, bool window_ending = false);

 private:
  // Claims a batch; rows that may no longer go out are failed at once. `claimed_any` tells
  // whether anything was claimed at all (the batch to send may still be empty).
  std::vector<Message> claim(const ShopClock& shop, const MessagingSettings& settings,
                             PassCounts& counts, bool& claimed_any, bool window_ending);
  SendOutcome send(const MessagingSettings& settings, const Message& message) const;
  void settle(const ShopClock& shop, const MessagingSettings& settings, const std::string& today,
              const Message& message, const SendOutcome& outcome, PassCounts& counts);

  storage::Database& db_;
  const core::Clock& clock_;
  const std::string worker_;
};

// A name for this sender process: host, process id and a random part.
std::string make_worker_name();

}  // namespace rx::messaging
