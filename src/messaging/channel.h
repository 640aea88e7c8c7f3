#pragma once

#include "messaging/delivery_rules.h"
#include "messaging/message_channel.h"
#include "messaging/messaging_settings.h"

#include <string>
#include <string_view>
#include <vector>

namespace rx::messaging {

// Which channels a customer agreed to be messaged on.
struct ChannelConsent {
  bool whatsapp = false;
  bool sms = false;
};

// One template message to send now.
struct OutgoingMessage {
  std::string to_phone;  // E.164
  std::string template_name;
  std::vector<std::string> parameters;  // the template's body parameters, in order
};

// What the outbox, the reminder pass and the test message need of one messaging channel. Each
// MessageChannel has exactly one implementation, found through channel_for()
// (messaging/channel_registry.h). Implementations hold no state: one instance serves every shop
// and thread.
class Channel {
 public:
  virtual MessageChannel id() const = 0;
  // The channel's name as people read it ("WhatsApp", "SMS").
  virtual std::string_view label() const = 0;
  // Whether the shop's settings hold everything a message on this channel needs.
  virtual bool ready(const MessagingSettings& settings) const = 0;
  // Whether the customer agreed to messages on this channel.
  virtual bool consented(const ChannelConsent& consent) const = 0;
  // The provider's template a refill reminder goes out with ("" when not configured).
  virtual std::string refill_template(const MessagingSettings& settings) const = 0;
  // Sends through the shop's provider; never throws for what the provider answers (or fails
  // to): that is in the outcome.
  virtual SendOutcome send(const MessagingSettings& settings,
                           const OutgoingMessage& message) const = 0;
  // What a refused or failed send means: retry later, final, or the number is not on the channel.
  virtual FailureKind failure_kind(const SendOutcome& outcome) const = 0;

 protected:
  ~Channel() = default;
};

}  // namespace rx::messaging
