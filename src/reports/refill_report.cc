#include "core/enum_names.h"
#include "core/time_zone.h"
#include "reports/refill_report_repository.h"
#include "reports/report_builders.h"
#include "reports/report_states.h"

namespace rx::reports {
namespace {

constexpr int kRefillGraceDays = 7;

void add_channel(ChannelCount& counts, Channel channel, std::int64_t n) {
  switch (channel) {
    case Channel::kWhatsapp:
      counts.whatsapp += n;
      break;
    case Channel::kSms:
      counts.sms += n;
      break;
    case Channel::kCall:
      counts.call += n;
      break;
  }
}

}  // namespace

RefillReport build_refill_report(storage::Connection& c, const auth::Principal& actor,
                                 const ReportWindow& window) {
  const core::ShopId shop{actor.shop_id};
  RefillReport report;
  report.window = window;
  for (const auto& [response, unused] : core::EnumNames<RefillResponse>::kNames)
    report.responded[response] = 0;
  for (const ReminderTally& t : RefillReportRepository::reminders_due(c, shop, window)) {
    if (t.status == RefillStatus::kCancelled) {
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
  for (const auto& [status, unused] : core::EnumNames<MessageStatus>::kNames) {
    if (status != MessageStatus::kSending) report.messages[status] = 0;
  }
  for (const auto& [status, n] :
       RefillReportRepository::messages_by_status(c, shop, from_ms, before_ms)) {
    // A message being sent is not out yet: it counts as queued.
    report.messages[status == MessageStatus::kSending ? MessageStatus::kQueued : status] += n;
  }
  const MessagePrices prices = RefillReportRepository::prices(c, shop);
  if (prices.whatsapp_paise || prices.sms_paise) {
    const auto sent = RefillReportRepository::messages_sent_by_channel(c, shop, from_ms, before_ms);
    auto sent_on = [&sent](Channel channel) {
      auto it = sent.find(channel);
      return it == sent.end() ? std::int64_t{0} : it->second;
    };
    ChannelCount cost;
    cost.whatsapp = sent_on(Channel::kWhatsapp) * prices.whatsapp_paise.value_or(0);
    cost.sms = sent_on(Channel::kSms) * prices.sms_paise.value_or(0);
    report.estimated_cost_paise = cost;
  }
  report.bill_durations = RefillReportRepository::bill_durations(c, shop, window);
  report.steps = RefillReportRepository::steps_due(c, shop, window);
  return report;
}

}  // namespace rx::reports
