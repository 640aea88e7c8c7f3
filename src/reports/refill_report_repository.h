#pragma once

#include "core/strong_id.h"
#include "reports/report_states.h"
#include "reports/reports.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rx::reports {

// Refill reminders with remind_on in the window, counted by where they got to.
struct ReminderTally {
  RefillStatus status = RefillStatus::kPending;
  std::optional<Channel> sent_channel;
  std::optional<RefillResponse> response;
  std::int64_t count = 0;
};

struct RefilledReminder {
  std::string remind_on;
  std::int64_t closed_at = 0;
};

struct MessagePrices {
  std::optional<std::int64_t> whatsapp_paise;
  std::optional<std::int64_t> sms_paise;
};

// SQL for the refill report. Scoped by the shop; instants bound [from_ms, before_ms). Every
// function throws what the connection throws (AppError(kUnavailable) when the database is
// unreachable, kInternal otherwise), and kInternal for a stored state this version does not
// know.
class RefillReportRepository {
 public:
  static std::vector<ReminderTally> reminders_due(storage::Connection& c, core::ShopId shop,
                                                  const ReportWindow& window);
  // Per cadence step of the reminders due in the window (not cancelled): sent, answered and
  // refilled after it (RefillStepCount).
  static std::vector<RefillStepCount> steps_due(storage::Connection& c, core::ShopId shop,
                                                const ReportWindow& window);
  static std::vector<RefilledReminder> refilled_due(storage::Connection& c, core::ShopId shop,
                                                    const ReportWindow& window);
  // Messages created in the window, by current status.
  static std::map<MessageStatus, std::int64_t> messages_by_status(storage::Connection& c,
                                                                  core::ShopId shop,
                                                                  std::int64_t from_ms,
                                                                  std::int64_t before_ms);
  // Messages created in the window that went out (sent, delivered or read), by channel.
  static std::map<Channel, std::int64_t> messages_sent_by_channel(storage::Connection& c,
                                                                  core::ShopId shop,
                                                                  std::int64_t from_ms,
                                                                  std::int64_t before_ms);
  // Bills dated in the window that have medicines (not visits without purchase).
  static BillDurations bill_durations(storage::Connection& c, core::ShopId shop,
                                      const ReportWindow& window);
  // The shop's prices per message; both absent when the shop has no messaging settings.
  static MessagePrices prices(storage::Connection& c, core::ShopId shop);
};

}  // namespace rx::reports
