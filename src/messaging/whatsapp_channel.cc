#include "messaging/whatsapp_channel.h"

#include "messaging/whatsapp_client.h"

namespace rx::messaging {

bool WhatsappChannel::ready(const MessagingSettings& settings) const {
  return settings.whatsapp_ready();
}

std::string WhatsappChannel::refill_template(const MessagingSettings& settings) const {
  return settings.whatsapp_template_refill.value_or("");
}

SendOutcome WhatsappChannel::send(const MessagingSettings& settings,
                                  const OutgoingMessage& message) const {
  return send_whatsapp_template(
      settings,
      TemplateMessage{message.to_phone, message.template_name,
                      settings.whatsapp_template_language.value_or(""), message.parameters});
}

FailureKind WhatsappChannel::failure_kind(const SendOutcome& outcome) const {
  return classify_whatsapp_failure(outcome);
}

}  // namespace rx::messaging
