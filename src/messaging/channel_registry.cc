#include "messaging/channel_registry.h"

#include "messaging/sms_channel.h"
#include "messaging/whatsapp_channel.h"

#include <cstdlib>

namespace rx::messaging {
namespace {

const WhatsappChannel kWhatsapp;
const SmsChannel kSms;

}  // namespace

const Channel& channel_for(MessageChannel id) {
  // No default: a MessageChannel without a case here is a compile error (-Werror=switch).
  switch (id) {
    case MessageChannel::kWhatsapp:
      return kWhatsapp;
    case MessageChannel::kSms:
      return kSms;
  }
  std::abort();  // not a MessageChannel value: memory was corrupted
}

}  // namespace rx::messaging
