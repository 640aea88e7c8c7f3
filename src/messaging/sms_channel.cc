#include "messaging/sms_channel.h"

#include "messaging/sms_client.h"

namespace rx::messaging {

bool SmsChannel::ready(const MessagingSettings& settings) const { return settings.sms_ready(); }

std::string SmsChannel::refill_template(const MessagingSettings& settings) const {
  return settings.sms_template_id.value_or("");
}

SendOutcome SmsChannel::send(const MessagingSettings& settings,
                             const OutgoingMessage& message) const {
  return send_flow_sms(settings, FlowSms{message.to_phone, message.template_name,
                                         settings.sms_sender, message.parameters});
}

FailureKind SmsChannel::failure_kind(const SendOutcome& outcome) const {
  return classify_sms_failure(outcome);
}

}  // namespace rx::messaging
