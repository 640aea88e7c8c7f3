#pragma once

#include "messaging/channel.h"

namespace rx::messaging {

// WhatsApp template messages through the Cloud API (whatsapp_client.h).
class WhatsappChannel final : public Channel {
 public:
  MessageChannel id() const override { return MessageChannel::kWhatsapp; }
  std::string_view label() const override { return "WhatsApp"; }
  bool ready(const MessagingSettings& settings) const override;
  bool consented(const ChannelConsent& consent) const override { return consent.whatsapp; }
  std::string refill_template(const MessagingSettings& settings) const override;
  SendOutcome send(const MessagingSettings& settings,
                   const OutgoingMessage& message) const override;
  FailureKind failure_kind(const SendOutcome& outcome) const override;
};

}  // namespace rx::messaging
