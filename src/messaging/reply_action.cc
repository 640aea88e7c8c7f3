#include "messaging/reply_action.h"

#include "core/json_fields.h"

namespace rx::messaging {

std::array<std::optional<std::string>, 3> reply_payloads(const MessagingSettings& settings) {
  return {settings.reply_payload_keep_ready, settings.reply_payload_already_bought,
          settings.reply_payload_stop};
}

std::optional<ReplyAction> reply_action(const MessagingSettings& settings, MessageChannel channel,
                                        const InboundMessage& message) {
  switch (channel) {
    case MessageChannel::kWhatsapp: {
      if (!message.button_payload) return std::nullopt;
      const auto payloads = reply_payloads(settings);
      for (std::size_t i = 0; i < payloads.size(); ++i) {
        if (payloads[i] && *payloads[i] == *message.button_payload) {
          return static_cast<ReplyAction>(i);
        }
      }
      return std::nullopt;
    }
    case MessageChannel::kSms: {
      const std::string words = message.text ? core::trim(*message.text) : std::string();
      if (words == "1") return ReplyAction::kKeepReady;
      if (words == "2") return ReplyAction::kAlreadyBought;
      return std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace rx::messaging
