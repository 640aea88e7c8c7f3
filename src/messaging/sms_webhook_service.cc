#include "messaging/sms_webhook_service.h"

#include "core/error.h"
#include "core/time_zone.h"
#include "messaging/inbound_reply.h"
#include "messaging/messaging_settings_service.h"
#include "phone/phone_normalizer.h"
#include "shops/shop_repository.h"

namespace rx::messaging {
namespace {

[[noreturn]] void throw_malformed(const std::string& why) {
  throw core::AppError(core::ErrorCode::kBadRequest, why);
}

}  // namespace

int SmsWebhookService::receive(const std::string& webhook_key, CallbackFields fields,
                               const std::optional<std::string>& json_body) {
  const MessagingSettings settings =
      settings_for_webhook_key(db_, WebhookChannel::kSms, webhook_key, clock_.now_ms());
  if (json_body) {
    const nlohmann::json body = nlohmann::json::parse(*json_body, nullptr, false);
    if (body.is_discarded()) throw_malformed("the body is not valid JSON");
    auto body_fields = fields_of_json(body);
    if (!body_fields) throw_malformed(body_fields.error());
    for (auto& [name, value] : *body_fields) fields.insert_or_assign(name, std::move(value));
  }
  const auto sms = read_msg91_inbound(fields);
  if (!sms) throw_malformed(sms.error());

  bool stored = false;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const shops::Shop shop = *shops::ShopRepository::find(c, settings.shop_id.value());
    const std::int64_t now = clock_.now_ms();
    const auto phone = phone::PhoneNormalizer(shop.phone_region).normalize(sms->sender);
    const std::string number = phone ? phone->e164 : sms->sender;
    InboundMessage message;
    message.message_id = inbound_dedupe_key(*sms, number, core::local_date(now, shop.time_zone));
    message.from_phone = number;
    message.kind = "text";
    message.text = reply_words(*sms);
    message.at_ms = received_at_ms(*sms, shop.time_zone);
    stored =
        take_inbound_message(c, settings, shop.phone_region, MessageChannel::kSms, message, now);
  });
  return stored ? 1 : 0;
}

}  // namespace rx::messaging
