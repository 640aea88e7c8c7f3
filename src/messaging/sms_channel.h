#pragma once

#include "messaging/channel.h"

namespace rx::messaging {

// Flow SMS through an MSG91-style gateway (sms_client.h).
class SmsChannel final : public Channel {
 public:
  MessageChannel id() const override { return MessageChannel::kSms; }
  std::string_view label() const override { return "SMS"; }
  bool ready(const MessagingSettings& settings) const override;
  bool consented(const ChannelConsent& consent) const override { return consent.sms; }
  std::string refill_template(const MessagingSettings& settings) const override;
  SendOutcome send(const MessagingSettings& settings,
                   const OutgoingMessage& message) const override;
  FailureKind failure_kind(const SendOutcome& outcome) const override;
};

}  // namespace rx::messaging
