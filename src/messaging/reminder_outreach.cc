#include "messaging/reminder_outreach.h"

#include "core/time_zone.h"
#include "messaging/channel_registry.h"
#include "messaging/delivery_rules.h"
#include "messaging/message_repository.h"
#include "messaging/send_hour.h"
#include "phone/phone_normalizer.h"
#include "refills/refill_repository.h"

#include <nlohmann/json.hpp>

#include <unordered_map>

namespace rx::messaging {
namespace {

// Reminders looked at per shop and pass; the next pass takes the rest.
constexpr std::int64_t kBatch = 500;

// WhatsApp lives on mobile numbers; a number known to be a landline (or toll-free...) is not
// worth a message. Numbers libphonenumber cannot tell apart are given the benefit of the doubt.
bool could_be_on_whatsapp(const std::string& e164) {
  using phone::NumberType;
  auto parsed = phone::PhoneNormalizer("IN").normalize(e164);
  if (!parsed) return false;
  switch (parsed->type) {
    case NumberType::kMobile:
    case NumberType::kFixedLineOrMobile:
    case NumberType::kVoip:
    case NumberType::kPersonalNumber:
    case NumberType::kUnknown:
      return true;
    default:
      return false;
  }
}

// Whether `channel` may carry this reminder now: set up, agreed to, not tried before, and for
// WhatsApp a number that may be on it.
bool possible(MessageChannel id, const DueReminder& due, const MessagingSettings& settings) {
  const Channel& channel = channel_for(id);
  if (!channel.ready(settings) || !channel.consented(due.consent)) return false;
  switch (id) {
    case MessageChannel::kWhatsapp:
      return !due.whatsapp_inactive && !due.had_whatsapp && could_be_on_whatsapp(due.phone);
    case MessageChannel::kSms:
      return !due.had_sms;
  }
  return false;
}

// How far back read receipts teach the hours customers read in.
constexpr std::int64_t kReadHistoryMs = 90LL * 24 * 60 * 60 * 1000;

// When each customer's WhatsApp reminder of this pass goes out: in the slot of the send window
// in which they read soonest, else the one the shop's customers together read soonest, else at
// once. The read receipts are read once, when the first WhatsApp reminder is planned.
class SendPlanner {
 public:
  SendPlanner(const ShopClock& shop, const MessagingSettings& settings, std::int64_t now_ms)
      : shop_(shop), now_ms_(now_ms) {
    const auto start = parse_clock_time(settings.send_window_start, false);
    const auto end = parse_clock_time(settings.send_window_end, true);
    if (start && end) window_ = {*start, *end};
  }

  std::optional<std::int64_t> planned_for(storage::Connection& c, std::int64_t customer_id) {
    if (!window_) return std::nullopt;
    if (!loaded_) load(c);
    const auto own = reads_.find(customer_id);
    const std::optional<int> slot =
        own != reads_.end() ? soonest_read_slot(own->second, window_->first, window_->second)
                            : shop_slot_;
    if (!slot) return std::nullopt;
    return planned_instant(now_ms_, local_minute_of_day(now_ms_, shop_.time_zone), *slot,
                           window_->first);
  }

 private:
  void load(storage::Connection& c) {
    loaded_ = true;
    std::vector<int> all;
    for (const ReadReceipt& r :
         MessageRepository::read_receipts(c, shop_.id, now_ms_ - kReadHistoryMs)) {
      const int minute = local_minute_of_day(r.read_at, shop_.time_zone);
      reads_[r.customer_id].push_back(minute);
      all.push_back(minute);
    }
    shop_slot_ = soonest_read_slot(all, window_->first, window_->second);
  }

  const ShopClock& shop_;
  const std::int64_t now_ms_;
  std::optional<std::pair<int, int>> window_;  // shop-local minutes [start, end)
  bool loaded_ = false;
  std::unordered_map<std::int64_t, std::vector<int>> reads_;  // minutes of day, by customer
  std::optional<int> shop_slot_;
};

bool queue(storage::Connection& c, const ShopClock& shop, const MessagingSettings& settings,
           const DueReminder& due, MessageChannel channel, std::int64_t now_ms,
           std::optional<std::int64_t> planned_for = std::nullopt) {
  NewMessage m;
  m.customer_id = due.customer_id;
  m.refill_reminder_id = due.reminder_id;
  m.refill_step = due.step;
  m.channel = channel;
  m.to_phone = due.phone;
  m.template_name = channel_for(channel).refill_template(settings);
  m.parameters =
      nlohmann::json(refill_parameters(due, shop.name, settings.include_medicine_names)).dump();
  m.idempotency_key =
      reminder_message_key(core::RefillReminderId(due.reminder_id), due.step, channel);
  m.planned_for = planned_for;
  m.status = shop.outreach_approval == automation::OutreachApproval::kReview
                 ? MessageStatus::kAwaitingApproval
                 : MessageStatus::kQueued;
  return MessageRepository::enqueue(c, shop.id, m, now_ms).has_value();
}

}  // namespace

int start_due_steps(storage::Connection& c, core::ShopId shop, const std::string& today,
                    std::int64_t now_ms) {
  int started = 0;
  for (const refills::StepDue& due : refills::RefillRepository::steps_due(c, shop, today, kBatch))
    started += refills::RefillRepository::start_step(c, shop, due, today, now_ms) ? 1 : 0;
  return started;
}

std::vector<std::string> refill_parameters(const DueReminder& due, const std::string& shop_name,
                                           bool include_medicine_names) {
  std::vector<std::string> out = {due.customer_name.value_or("Customer"), shop_name,
                                  readable_date(due.runs_out_on)};
  if (include_medicine_names) out.push_back(due.medicine);
  return out;
}

int queue_due_reminders(storage::Connection& c, const ShopClock& shop,
                        const MessagingSettings& settings, const std::string& today,
                        std::int64_t now_ms) {
  start_due_steps(c, shop.id, today, now_ms);
  int queued = 0;
  SendPlanner planner(shop, settings, now_ms);
  for (const DueReminder& due : OutreachRepository::due_candidates(c, shop.id, today, kBatch)) {
    if (possible(MessageChannel::kWhatsapp, due, settings)) {
      queued += queue(c, shop, settings, due, MessageChannel::kWhatsapp, now_ms,
                      planner.planned_for(c, due.customer_id))
                    ? 1
                    : 0;
    } else if (possible(MessageChannel::kSms, due, settings)) {
      queued += queue(c, shop, settings, due, MessageChannel::kSms, now_ms) ? 1 : 0;
    }
  }
  return queued;
}

bool queue_sms_fallback(storage::Connection& c, const ShopClock& shop,
                        const MessagingSettings& settings, core::RefillReminderId reminder,
                        const std::string& today, std::int64_t now_ms) {
  auto due = OutreachRepository::due_candidate(c, shop.id, reminder, today);
  if (!due || !possible(MessageChannel::kSms, *due, settings)) return false;
  return queue(c, shop, settings, *due, MessageChannel::kSms, now_ms);
}

}  // namespace rx::messaging
