#include "messaging/whatsapp_channel.h"

#include "messaging/reply_action.h"
#include "messaging/whatsapp_client.h"

namespace rx::messaging {

bool WhatsappChannel::ready(const MessagingSettings& settings) const {
  return settings.whatsapp_ready();
}

std::string WhatsappChannel::refill_template(const MessagingSettings& settings) const {
  return settings.whatsapp_template_refill.value_or("");
}

// Every WhatsApp message rxtrack sends is the refill template, so each carries the shop's
// quick-reply payloads (the buttons whose payload is not set send none: their taps are logged).
SendOutcome WhatsappChannel::send(const MessagingSettings& settings,
                                  const OutgoingMessage& message) const {
  TemplateMessage out{message.to_phone,
                      message.template_name,
                      settings.whatsapp_template_language.value_or(""),
                      message.parameters,
                      {}};
  const auto payloads = reply_payloads(settings);
  for (std::size_t i = 0; i < payloads.size(); ++i) {
    if (payloads[i]) out.quick_replies.push_back({static_cast<int>(i), *payloads[i]});
  }
  return send_whatsapp_template(settings, out);
}

FailureKind WhatsappChannel::failure_kind(const SendOutcome& outcome) const {
  return classify_whatsapp_failure(outcome);
}

}  // namespace rx::messaging
