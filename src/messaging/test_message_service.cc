#include "messaging/test_message_service.h"

#include "core/error.h"
#include "core/time_zone.h"
#include "messaging/delivery_rules.h"
#include "messaging/message_repository.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/outbox_sender.h"
#include "messaging/sms_client.h"
#include "messaging/whatsapp_client.h"
#include "phone/phone_normalizer.h"
#include "shops/shop_repository.h"

#include <fmt/format.h>
#include <sodium.h>
#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

namespace rx::messaging {
namespace {

[[noreturn]] void invalid(std::string_view field, std::string reason) {
  throw core::AppError(core::ErrorCode::kValidation, fmt::format("{} {}", field, reason),
                       {{"fields", {{std::string(field), reason}}}});
}

// The refill template's parameters filled with samples: name, shop, date (and a medicine when
// the shop's template carries one).
std::vector<std::string> sample_parameters(const MessagingSettings& settings,
                                           const std::string& shop_name, const std::string& today) {
  std::vector<std::string> out = {"Test", shop_name, readable_date(today)};
  if (settings.include_medicine_names) out.push_back("Test medicine");
  return out;
}

}  // namespace

TestMessageService::TestMessageService(storage::Database& db, const core::Clock& clock)
    : db_(db), clock_(clock), worker_(make_worker_name()) {}

Message TestMessageService::send(const auth::Principal& actor, const TestMessageRequest& request) {
  auto phone = phone::PhoneNormalizer(actor.phone_region).normalize(request.phone);
  if (!phone) invalid("phone", phone.error());

  MessagingSettings settings;
  NewMessage row;
  std::int64_t id = 0;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    settings = *MessagingSettingsRepository::find(c, actor.shop_id);
    const bool whatsapp = request.channel == "whatsapp";
    if (whatsapp ? !settings.whatsapp_ready() : !settings.sms_ready()) {
      invalid("channel", "not configured");
    }
    const std::int64_t now = clock_.now_ms();
    const std::string shop_name = shops::ShopRepository::find(c, actor.shop_id)->name;
    row.channel = request.channel;
    row.to_phone = phone->e164;
    row.template_name = whatsapp ? *settings.whatsapp_template_refill : *settings.sms_template_id;
    row.parameters = nlohmann::json(sample_parameters(settings, shop_name,
                                                      core::local_date(now, actor.time_zone)))
                         .dump();
    row.idempotency_key = fmt::format("test:{}:{:08x}", now, randombytes_random());
    id = MessageRepository::insert_claimed(c, actor.shop_id, row, worker_, now);
  });

  const std::vector<std::string> parameters =
      nlohmann::json::parse(row.parameters).get<std::vector<std::string>>();
  const SendOutcome outcome =
      row.channel == "whatsapp"
          ? send_whatsapp_template(
                settings,
                TemplateMessage{row.to_phone, row.template_name,
                                settings.whatsapp_template_language.value_or(""), parameters})
          : send_flow_sms(settings, FlowSms{row.to_phone, row.template_name, settings.sms_sender,
                                            parameters});

  Message result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    if (outcome.accepted) {
      MessageRepository::record_sent(c, actor.shop_id, id, worker_, outcome.provider_message_id,
                                     now);
    } else {
      MessageRepository::record_failed(c, actor.shop_id, id, outcome.error_code,
                                       outcome.error_message, now);
    }
    result = *MessageRepository::find(c, actor.shop_id, id);
  });
  if (!outcome.accepted) {
    spdlog::info("test message {} ({}) refused: {}", id, row.channel, outcome.error_code);
    throw core::AppError(
        core::ErrorCode::kProviderError,
        outcome.error_message.empty() ? "the provider refused the message" : outcome.error_message,
        {{"provider_code", outcome.error_code},
         {"http_status", outcome.http_status},
         {"message_id", id}});
  }
  return result;
}

}  // namespace rx::messaging
