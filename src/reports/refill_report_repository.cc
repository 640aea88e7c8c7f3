#include "reports/refill_report_repository.h"

namespace rx::reports {
namespace {

std::map<std::string, std::int64_t> counts_by_text(const storage::ResultSet& rows) {
  std::map<std::string, std::int64_t> out;
  for (const storage::Row& r : rows.rows) out[r.text_at(0)] += r.int_at(1);
  return out;
}

}  // namespace

std::vector<ReminderTally> RefillReportRepository::reminders_due(storage::Connection& c,
                                                                 std::int64_t shop_id,
                                                                 const ReportWindow& window) {
  std::vector<ReminderTally> out;
  for (const storage::Row& r :
       c.query("SELECT status, sent_channel, response, COUNT(*) FROM refill_reminders "
               "WHERE shop_id = ? AND remind_on >= ? AND remind_on <= ? "
               "GROUP BY status, sent_channel, response",
               {shop_id, window.from, window.to})
           .rows) {
    out.push_back({r.text_at(0), r[1].as_opt_text(), r[2].as_opt_text(), r.int_at(3)});
  }
  return out;
}

std::vector<RefilledReminder> RefillReportRepository::refilled_due(storage::Connection& c,
                                                                   std::int64_t shop_id,
                                                                   const ReportWindow& window) {
  std::vector<RefilledReminder> out;
  for (const storage::Row& r :
       c.query(
            "SELECT remind_on, closed_at FROM refill_reminders WHERE shop_id = ? AND "
            "remind_on >= ? AND remind_on <= ? AND status = 'refilled' AND closed_at IS NOT NULL",
            {shop_id, window.from, window.to})
           .rows) {
    out.push_back({r.text_at(0), r.int_at(1)});
  }
  return out;
}

std::map<std::string, std::int64_t> RefillReportRepository::messages_by_status(
    storage::Connection& c, std::int64_t shop_id, std::int64_t from_ms, std::int64_t before_ms) {
  return counts_by_text(
      c.query("SELECT status, COUNT(*) FROM messages WHERE shop_id = ? AND created_at >= ? AND "
              "created_at < ? GROUP BY status",
              {shop_id, from_ms, before_ms}));
}

std::map<std::string, std::int64_t> RefillReportRepository::messages_sent_by_channel(
    storage::Connection& c, std::int64_t shop_id, std::int64_t from_ms, std::int64_t before_ms) {
  return counts_by_text(
      c.query("SELECT channel, COUNT(*) FROM messages WHERE shop_id = ? AND created_at >= ? AND "
              "created_at < ? AND status IN ('sent', 'delivered', 'read') GROUP BY channel",
              {shop_id, from_ms, before_ms}));
}

BillDurations RefillReportRepository::bill_durations(storage::Connection& c, std::int64_t shop_id,
                                                     const ReportWindow& window) {
  constexpr std::string_view kSql = R"(
SELECT COUNT(*),
       CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM bill_items bi WHERE bi.shop_id = b.shop_id
                                           AND bi.bill_id = b.id AND bi.duration_days IS NULL)
                         THEN 1 ELSE 0 END), 0) AS BIGINT),
       CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM bill_items bi WHERE bi.shop_id = b.shop_id
                                           AND bi.bill_id = b.id AND bi.duration_skipped)
                         THEN 1 ELSE 0 END), 0) AS BIGINT)
FROM bills b
WHERE b.shop_id = ? AND b.bill_date >= ? AND b.bill_date <= ? AND NOT b.visited_but_no_purchase)";
  auto row = c.query_one(std::string(kSql), {shop_id, window.from, window.to});
  if (!row) return {};
  return {row->int_at(0), row->int_at(1), row->int_at(2)};
}

MessagePrices RefillReportRepository::prices(storage::Connection& c, std::int64_t shop_id) {
  auto row = c.query_one(
      "SELECT whatsapp_price_paise, sms_price_paise FROM shop_messaging_settings WHERE shop_id = ?",
      {shop_id});
  if (!row) return {};
  return {(*row)[0].as_opt_int(), (*row)[1].as_opt_int()};
}

}  // namespace rx::reports
