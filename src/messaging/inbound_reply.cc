#include "messaging/inbound_reply.h"

#include "contacts/contact_repository.h"
#include "core/json_fields.h"
#include "customers/customer_repository.h"
#include "messaging/channel_registry.h"
#include "messaging/consent_service.h"
#include "messaging/delivery_rules.h"
#include "messaging/inbound_repository.h"
#include "messaging/outreach_repository.h"
#include "messaging/reply_action.h"
#include "messaging/reply_to_reminder.h"
#include "phone/phone_normalizer.h"

#include <fmt/format.h>

namespace rx::messaging {
namespace {

constexpr std::size_t kMaxNoteLength = 2000;

std::string note_of(const InboundMessage& message) {
  if (message.text) return message.text->substr(0, kMaxNoteLength);
  return fmt::format("[{}]", message.kind);
}

}  // namespace

bool take_inbound_message(storage::Connection& c, const MessagingSettings& settings,
                          std::string_view phone_region, InboundChannel channel,
                          const InboundMessage& message, std::int64_t now_ms) {
  const core::ShopId shop = settings.shop_id;
  const auto stored = InboundRepository::insert(c, shop, channel, message, now_ms);
  if (!stored) return false;             // a redelivery: handled the first time
  if (!message.from_phone) return true;  // only a user id: kept by that id
  auto phone = phone::PhoneNormalizer(std::string(phone_region)).normalize(*message.from_phone);
  if (!phone) return true;
  // The person wrote: a contact set aside as unreachable is back on the lists to call.
  contacts::ContactRepository::came_back_by_phone(c, shop, phone->e164, now_ms);
  const auto customer = customers::CustomerRepository::find_by_phone(c, shop, phone->e164);
  auto contact = contacts::ContactRepository::find_by_phone(c, shop, phone->e164);
  const std::optional<core::CustomerId> customer_id =
      customer ? std::optional(core::CustomerId(customer->id)) : std::nullopt;
  const bool on_whatsapp = channel == MessageChannel::kWhatsapp;
  if (on_whatsapp && customer) {
    OutreachRepository::set_whatsapp_status(c, shop, *customer_id, "active", "reply", now_ms);
  } else if (on_whatsapp && contact &&
             contact->whatsapp_status != contacts::WhatsappStatus::kActive) {
    contacts::ContactRepository::set_whatsapp_status(
        c, shop, core::ContactId(contact->id), contacts::WhatsappStatus::kActive, "reply", now_ms);
  }
  const std::optional<ReplyAction> action = reply_action(settings, channel, message);
  if (action == ReplyAction::kStop ||
      (message.text && is_opt_out_reply(*message.text, settings.opt_out_keywords))) {
    if (customer) {
      const std::string words =
          message.text ? core::trim(*message.text) : message.button_payload.value_or("");
      ConsentService::opt_out_in(c, shop, *customer_id, "reply", std::nullopt,
                                 fmt::format("{} reply: {}", channel_for(channel).label(), words),
                                 now_ms);
    }
    InboundRepository::set_outcome(
        c, shop, *stored, "opt_out", customer_id,
        contact ? std::optional(core::ContactId(contact->id)) : std::nullopt);
    return true;
  }
  const core::ContactId contact_id =
      contact ? core::ContactId(contact->id)
              : InboundRepository::insert_contact(
                    c, shop, phone->e164, phone::to_string(phone->type), message.profile_name,
                    customer_id, on_whatsapp, now_ms);
  contacts::ContactRepository::insert_interaction(
      c, shop, contact_id, std::nullopt,
      on_whatsapp ? contacts::InteractionKind::kWhatsapp : contacts::InteractionKind::kSms,
      contacts::InteractionOutcome::kAnswered, note_of(message), now_ms, std::nullopt, true);
  if (action && customer_id) {
    act_on_refill_reply(c, shop, *customer_id, channel, *action, message, *stored, now_ms);
  }
  InboundRepository::set_outcome(c, shop, *stored, "logged", customer_id, contact_id);
  return true;
}

}  // namespace rx::messaging
