#include "reports/refill_report_repository.h"

#include "reports/report_rows.h"
#include "storage/sql_text.h"
#include "storage/table.h"

namespace rx::reports {
namespace {

constexpr storage::Table kReminderTally(storage::column("status", &ReminderTally::status),
                                        storage::column("sent_channel",
                                                        &ReminderTally::sent_channel),
                                        storage::column("response", &ReminderTally::response),
                                        storage::column("COUNT(*)", &ReminderTally::count));

constexpr storage::Table kRefilledReminder(storage::column("remind_on",
                                                           &RefilledReminder::remind_on),
                                           storage::column("closed_at",
                                                           &RefilledReminder::closed_at));

template <class Key>
struct KeyCount {
  Key key{};
  std::int64_t count = 0;
};

constexpr storage::Table kStatusCount(storage::column("status", &KeyCount<MessageStatus>::key),
                                      storage::column("COUNT(*)", &KeyCount<MessageStatus>::count));

constexpr storage::Table kChannelCount(storage::column("channel", &KeyCount<Channel>::key),
                                       storage::column("COUNT(*)", &KeyCount<Channel>::count));

template <class Key, class... Ts>
std::map<Key, std::int64_t> counts_by(storage::Connection& c,
                                      const storage::Table<KeyCount<Key>, Ts...>& table,
                                      std::string_view sql, const storage::Params& params) {
  std::map<Key, std::int64_t> out;
  for (const KeyCount<Key>& row : read_rows(c, table, sql, params)) out[row.key] += row.count;
  return out;
}

constexpr storage::Table kBillDurations(
    storage::column("COUNT(*)", &BillDurations::bills),
    storage::column(
        R"(CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM bill_items bi WHERE bi.shop_id = b.shop_id
                                           AND bi.bill_id = b.id AND bi.duration_days IS NULL)
                         THEN 1 ELSE 0 END), 0) AS BIGINT))",
        &BillDurations::without_duration),
    storage::column(
        R"(CAST(COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM bill_items bi WHERE bi.shop_id = b.shop_id
                                           AND bi.bill_id = b.id AND bi.duration_skipped)
                         THEN 1 ELSE 0 END), 0) AS BIGINT))",
        &BillDurations::skipped));

constexpr storage::Table kPrices(storage::column("whatsapp_price_paise",
                                                 &MessagePrices::whatsapp_paise),
                                 storage::column("sms_price_paise", &MessagePrices::sms_paise));

// A message went out for the reminder rr's step `step` (an SQL expression such as "rr.step").
template <std::size_t N>
constexpr auto step_sent(const char (&step)[N]) {
  using storage::SqlText;
  return SqlText(
             "EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id AND "
             "m.refill_reminder_id = rr.id AND COALESCE(m.refill_step, 1) = ") +
         SqlText(step) + SqlText(" AND m.status IN ('sent', 'delivered', 'read'))");
}

// Reminders refilled whose current step's message went out.
constexpr auto kRefilledAfterStepSent =
    storage::SqlText("CAST(SUM(CASE WHEN rr.status = 'refilled' AND ") + step_sent("rr.step") +
    storage::SqlText(" THEN 1 ELSE 0 END) AS BIGINT)");

struct StepRow {
  std::int64_t step = 1;
  std::int64_t count = 0;
  std::int64_t other = 0;
};
constexpr storage::Table kStepSent(storage::column("s.n", &StepRow::step),
                                   storage::column("COUNT(rr.id)", &StepRow::count),
                                   storage::column("0", &StepRow::other));
constexpr storage::Table kStepOutcome(
    storage::column("rr.step", &StepRow::step),
    storage::column("CAST(SUM(CASE WHEN rr.response IS NOT NULL THEN 1 ELSE 0 END) AS BIGINT)",
                    &StepRow::count),
    storage::column(kRefilledAfterStepSent, &StepRow::other));

}  // namespace

std::vector<RefillStepCount> RefillReportRepository::steps_due(storage::Connection& c,
                                                               core::ShopId shop,
                                                               const ReportWindow& window) {
  // The steps 1..5 (automation::RefillCadence::kMaxSteps) as rows to count against.
  static const std::string kSent =
      "SELECT " + kStepSent.select_list() +
      " FROM (SELECT 1 AS n UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 "
      "UNION ALL SELECT 5) s JOIN refill_reminders rr ON rr.shop_id = ? AND rr.remind_on >= ? "
      "AND rr.remind_on <= ? AND rr.status <> 'cancelled' AND " +
      std::string(step_sent("s.n").view()) + " GROUP BY s.n";
  static const std::string kOutcome =
      "SELECT " + kStepOutcome.select_list() +
      " FROM refill_reminders rr WHERE rr.shop_id = ? AND rr.remind_on >= ? AND "
      "rr.remind_on <= ? AND rr.status <> 'cancelled' GROUP BY rr.step";
  const storage::Params params{shop.value(), window.from, window.to};
  std::map<std::int64_t, RefillStepCount> by_step;
  for (const StepRow& row : read_rows(c, kStepSent, kSent, params)) {
    by_step[row.step].step = row.step;
    by_step[row.step].sent = row.count;
  }
  for (const StepRow& row : read_rows(c, kStepOutcome, kOutcome, params)) {
    if (row.count == 0 && row.other == 0) continue;
    by_step[row.step].step = row.step;
    by_step[row.step].answered = row.count;
    by_step[row.step].refilled_after = row.other;
  }
  std::vector<RefillStepCount> out;
  for (const auto& [step, counts] : by_step) out.push_back(counts);
  return out;
}

std::vector<ReminderTally> RefillReportRepository::reminders_due(storage::Connection& c,
                                                                 core::ShopId shop,
                                                                 const ReportWindow& window) {
  static const std::string kSql = "SELECT " + kReminderTally.select_list() +
                                  " FROM refill_reminders "
                                  "WHERE shop_id = ? AND remind_on >= ? AND remind_on <= ? "
                                  "GROUP BY status, sent_channel, response";
  return read_rows(c, kReminderTally, kSql, {shop.value(), window.from, window.to});
}

std::vector<RefilledReminder> RefillReportRepository::refilled_due(storage::Connection& c,
                                                                   core::ShopId shop,
                                                                   const ReportWindow& window) {
  static const std::string kSql =
      "SELECT " + kRefilledReminder.select_list() +
      " FROM refill_reminders WHERE shop_id = ? AND remind_on >= ? AND remind_on <= ? AND "
      "status = 'refilled' AND closed_at IS NOT NULL";
  return read_rows(c, kRefilledReminder, kSql, {shop.value(), window.from, window.to});
}

std::map<MessageStatus, std::int64_t> RefillReportRepository::messages_by_status(
    storage::Connection& c, core::ShopId shop, std::int64_t from_ms, std::int64_t before_ms) {
  static const std::string kSql = "SELECT " + kStatusCount.select_list() +
                                  " FROM messages WHERE shop_id = ? AND created_at >= ? AND "
                                  "created_at < ? GROUP BY status";
  return counts_by(c, kStatusCount, kSql, {shop.value(), from_ms, before_ms});
}

std::map<Channel, std::int64_t> RefillReportRepository::messages_sent_by_channel(
    storage::Connection& c, core::ShopId shop, std::int64_t from_ms, std::int64_t before_ms) {
  static const std::string kSql =
      "SELECT " + kChannelCount.select_list() +
      " FROM messages WHERE shop_id = ? AND created_at >= ? AND created_at < ? AND status IN "
      "('sent', 'delivered', 'read') GROUP BY channel";
  return counts_by(c, kChannelCount, kSql, {shop.value(), from_ms, before_ms});
}

BillDurations RefillReportRepository::bill_durations(storage::Connection& c, core::ShopId shop,
                                                     const ReportWindow& window) {
  static const std::string kSql =
      "SELECT " + kBillDurations.select_list() +
      "\nFROM bills b\nWHERE b.shop_id = ? AND b.bill_date >= ? AND b.bill_date <= ? AND NOT "
      "b.visited_but_no_purchase";
  return read_first(c, kBillDurations, kSql, {shop.value(), window.from, window.to})
      .value_or(BillDurations{});
}

MessagePrices RefillReportRepository::prices(storage::Connection& c, core::ShopId shop) {
  static const std::string kSql =
      "SELECT " + kPrices.select_list() + " FROM shop_messaging_settings WHERE shop_id = ?";
  return read_first(c, kPrices, kSql, {shop.value()}).value_or(MessagePrices{});
}

}  // namespace rx::reports
