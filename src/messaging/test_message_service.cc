#include "messaging/test_message_service.h"

#include "core/error.h"
#include "core/time_zone.h"
#include "messaging/channel_registry.h"
#include "messaging/delivery_rules.h"
#include "messaging/message_repository.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/outbox_sender.h"
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

  const core::ShopId shop(actor.shop_id);
  const Channel& channel = channel_for(request.channel);
  MessagingSettings settings;
  NewMessage row;
  core::MessageId id;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    settings = *MessagingSettingsRepository::find(c, shop);
    if (!channel.ready(settings)) invalid("channel", "not configured");
    const std::int64_t now = clock_.now_ms();
    const std::string shop_name = shops::ShopRepository::find(c, actor.shop_id)->name;
    row.channel = request.channel;
    row.to_phone = phone->e164;
    row.template_name = channel.refill_template(settings);
    row.parameters = nlohmann::json(sample_parameters(settings, shop_name,
                                                      core::local_date(now, actor.time_zone)))
                         .dump();
    row.idempotency_key = fmt::format("test:{}:{:08x}", now, randombytes_random());
    id = MessageRepository::insert_claimed(c, shop, row, worker_, now);
  });

  const std::vector<std::string> parameters =
      nlohmann::json::parse(row.parameters).get<std::vector<std::string>>();
  const SendOutcome outcome =
      channel.send(settings, OutgoingMessage{row.to_phone, row.template_name, parameters});

  Message result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    if (outcome.accepted) {
      MessageRepository::record_sent(c, shop, id, worker_, outcome.provider_message_id, now);
    } else {
      MessageRepository::record_failed(c, shop, id, outcome.error_code, outcome.error_message, now);
    }
    result = *MessageRepository::find(c, shop, id);
  });
  if (!outcome.accepted) {
    spdlog::info("test message {} ({}) refused: {}", id.value(), core::enum_name(row.channel),
                 outcome.error_code);
    throw core::AppError(
        core::ErrorCode::kProviderError,
        outcome.error_message.empty() ? "the provider refused the message" : outcome.error_message,
        {{"provider_code", outcome.error_code},
         {"http_status", outcome.http_status},
         {"message_id", id.value()}});
  }
  return result;
}

}  // namespace rx::messaging
