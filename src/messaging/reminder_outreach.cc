#include "messaging/reminder_outreach.h"

#include "messaging/delivery_rules.h"
#include "messaging/message_repository.h"
#include "phone/phone_normalizer.h"

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

bool whatsapp_possible(const DueReminder& due, const MessagingSettings& settings) {
  return settings.whatsapp_ready() && due.whatsapp_consent && due.whatsapp_status != "inactive" &&
         !due.had_whatsapp && could_be_on_whatsapp(due.phone);
}

bool sms_possible(const DueReminder& due, const MessagingSettings& settings) {
  return settings.sms_ready() && due.sms_consent && !due.had_sms;
}

bool queue(storage::Connection& c, const ShopClock& shop, const MessagingSettings& settings,
           const DueReminder& due, std::string_view channel, std::int64_t now_ms) {
  NewMessage m;
  m.customer_id = due.customer_id;
  m.refill_reminder_id = due.reminder_id;
  m.channel = std::string(channel);
  m.to_phone = due.phone;
  m.template_name = channel == "whatsapp" ? settings.whatsapp_template_refill.value_or("")
                                          : settings.sms_template_id.value_or("");
  m.parameters =
      nlohmann::json(refill_parameters(due, shop.name, settings.include_medicine_names)).dump();
  m.idempotency_key = reminder_message_key(due.reminder_id, channel);
  return MessageRepository::enqueue(c, shop.id, m, now_ms).has_value();
}

}  // namespace

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
  int queued = 0;
  for (const DueReminder& due : OutreachRepository::due_candidates(c, shop.id, today, kBatch)) {
    if (whatsapp_possible(due, settings)) {
      queued += queue(c, shop, settings, due, "whatsapp", now_ms) ? 1 : 0;
    } else if (sms_possible(due, settings)) {
      queued += queue(c, shop, settings, due, "sms", now_ms) ? 1 : 0;
    }
  }
  return queued;
}

bool queue_sms_fallback(storage::Connection& c, const ShopClock& shop,
                        const MessagingSettings& settings, std::int64_t reminder_id,
                        const std::string& today, std::int64_t now_ms) {
  auto due = OutreachRepository::due_candidate(c, shop.id, reminder_id, today);
  if (!due || !sms_possible(*due, settings)) return false;
  return queue(c, shop, settings, *due, "sms", now_ms);
}

}  // namespace rx::messaging
