#include "messaging/reminder_outreach.h"

#include "messaging/channel_registry.h"
#include "messaging/delivery_rules.h"
#include "messaging/message_repository.h"
#include "phone/phone_normalizer.h"
#include "refills/refill_repository.h"

#include <nlohmann/json.hpp>

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

bool queue(storage::Connection& c, const ShopClock& shop, const MessagingSettings& settings,
           const DueReminder& due, MessageChannel channel, std::int64_t now_ms) {
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
  for (const DueReminder& due : OutreachRepository::due_candidates(c, shop.id, today, kBatch)) {
    if (possible(MessageChannel::kWhatsapp, due, settings)) {
      queued += queue(c, shop, settings, due, MessageChannel::kWhatsapp, now_ms) ? 1 : 0;
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
