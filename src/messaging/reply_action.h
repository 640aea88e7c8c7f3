#pragma once

#include "messaging/inbound_message.h"
#include "messaging/message_channel.h"
#include "messaging/messaging_settings.h"

#include <array>
#include <optional>
#include <string>

namespace rx::messaging {

// What a customer's reply to a refill reminder asks for. The refill template's quick-reply
// buttons come in this order (index 0, 1, 2), and an SMS reply "1" or "2" means the first two.
enum class ReplyAction { kKeepReady, kAlreadyBought, kStop };

// The shop's payload of each quick-reply button, indexed by button (ReplyAction's order); nullopt
// for a button whose payload the shop did not set.
std::array<std::optional<std::string>, 3> reply_payloads(const MessagingSettings& settings);

// The act a reply asks for, or nullopt for a reply that is only logged. A WhatsApp button reply
// acts when its payload is exactly one of the shop's payloads; an SMS whose words are "1" or "2"
// (spaces around them ignored) is "keep it ready" or "already bought". Pure.
std::optional<ReplyAction> reply_action(const MessagingSettings& settings, MessageChannel channel,
                                        const InboundMessage& message);

}  // namespace rx::messaging
