#pragma once

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
  std::string status;
  std::optional<std::string> sent_channel;
  std::optional<std::string> response;
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

// SQL for the refill report. Scoped by shop_id; instants bound [from_ms, before_ms).
class RefillReportRepository {
 public:
  static std::vector<ReminderTally> reminders_due(storage::Connection& c, std::int64_t shop_id,
                                                  const ReportWindow& window);
  static std::vector<RefilledReminder> refilled_due(storage::Connection& c, std::int64_t shop_id,
                                                    const ReportWindow& window);
  // Messages created in the window, by current status.
  static std::map<std::string, std::int64_t> messages_by_status(storage::Connection& c,
                                                                std::int64_t shop_id,
                                                                std::int64_t from_ms,
                                                                std::int64_t before_ms);
  // Messages created in the window that went out (sent, delivered or read), by channel.
  static std::map<std::string, std::int64_t> messages_sent_by_channel(storage::Connection& c,
                                                                      std::int64_t shop_id,
                                                                      std::int64_t from_ms,
                                                                      std::int64_t before_ms);
  // Bills dated in the window that have medicines (not visits without purchase).
  static BillDurations bill_durations(storage::Connection& c, std::int64_t shop_id,
                                      const ReportWindow& window);
  static MessagePrices prices(storage::Connection& c, std::int64_t shop_id);
};

}  // namespace rx::reports
