#include "core/time_zone.h"
#include "refills/refill_reminder.h"
#include "reports/refill_report_repository.h"
#include "reports/report_builders.h"

namespace rx::reports {
namespace {

constexpr int kRefillGraceDays = 7;
constexpr std::string_view kMessageStatuses[] = {"queued", "sent", "delivered", "read", "failed"};

void add_channel(ChannelCount& counts, const std::string& channel, std::int64_t n) {
  if (channel == "whatsapp") counts.whatsapp += n;
  if (channel == "sms") counts.sms += n;
  if (channel == "call") counts.call += n;
}

}  // namespace

RefillReport build_refill_report(storage::Connection& c, const auth::Principal& actor,
                                 const ReportWindow& window) {
  const std::int64_t shop = actor.shop_id;
  RefillReport report;
  report.window = window;
  for (const auto& [value, response] : core::EnumNames<refills::RefillResponse>::kNames)
    report.responded[std::string(response)] = 0;
  for (const ReminderTally& t : RefillReportRepository::reminders_due(c, shop, window)) {
    if (t.status == "cancelled") {
      report.cancelled += t.count;
      continue;
    }
    report.due += t.count;
    if (t.sent_channel) add_channel(report.sent, *t.sent_channel, t.count);
    if (t.response) report.responded[*t.response] += t.count;
  }
  for (const RefilledReminder& r : RefillReportRepository::refilled_due(c, shop, window)) {
    const std::string closed_on = core::local_date(r.closed_at, actor.time_zone);
    if (closed_on <= core::add_days(r.remind_on, kRefillGraceDays)) ++report.refilled_within_7_days;
  }

  const auto [from_ms, before_ms] = window_instants(window, actor.time_zone);
  for (std::string_view status : kMessageStatuses) report.messages[std::string(status)] = 0;
  for (const auto& [status, n] :
       RefillReportRepository::messages_by_status(c, shop, from_ms, before_ms)) {
    report.messages[status == "sending" ? "queued" : status] += n;
  }
  const MessagePrices prices = RefillReportRepository::prices(c, shop);
  if (prices.whatsapp_paise || prices.sms_paise) {
    const auto sent = RefillReportRepository::messages_sent_by_channel(c, shop, from_ms, before_ms);
    auto sent_on = [&sent](const char* channel) {
      auto it = sent.find(channel);
      return it == sent.end() ? std::int64_t{0} : it->second;
    };
    ChannelCount cost;
    cost.whatsapp = sent_on("whatsapp") * prices.whatsapp_paise.value_or(0);
    cost.sms = sent_on("sms") * prices.sms_paise.value_or(0);
    report.estimated_cost_paise = cost;
  }
  report.bill_durations = RefillReportRepository::bill_durations(c, shop, window);
  return report;
}

}  // namespace rx::reports
