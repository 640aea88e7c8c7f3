#include "reports/refill_report_repository.h"

#include "reports/report_rows.h"
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

}  // namespace

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
