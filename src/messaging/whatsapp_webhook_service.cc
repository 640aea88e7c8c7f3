#include "messaging/whatsapp_webhook_service.h"

#include "core/error.h"
#include "messaging/channel_registry.h"
#include "messaging/delivery_rules.h"
#include "messaging/inbound_reply.h"
#include "messaging/message_repository.h"
#include "messaging/messaging_settings_service.h"
#include "messaging/outreach_repository.h"
#include "messaging/webhook_signature.h"
#include "shops/shop_repository.h"

namespace rx::messaging {

std::optional<std::string> WhatsappWebhookService::handshake(const std::string& webhook_key,
                                                             const HandshakeRequest& request) {
  const MessagingSettings settings =
      settings_for_webhook_key(db_, WebhookChannel::kWhatsapp, webhook_key, clock_.now_ms());
  if (request.mode != "subscribe" || !settings.whatsapp_verify_token ||
      !same_secret(request.verify_token, *settings.whatsapp_verify_token)) {
    return std::nullopt;
  }
  return request.challenge;
}

WebhookReceipt WhatsappWebhookService::receive(const std::string& webhook_key,
                                               const std::string& signature_header,
                                               const std::string& raw_body) {
  const MessagingSettings settings =
      settings_for_webhook_key(db_, WebhookChannel::kWhatsapp, webhook_key, clock_.now_ms());
  if (!signature_matches(signature_header, raw_body, settings.whatsapp_app_secret.value_or(""))) {
    throw core::AppError(core::ErrorCode::kUnauthorized,
                         "X-Hub-Signature-256 does not match the body");
  }
  const nlohmann::json body = nlohmann::json::parse(raw_body, nullptr, false);
  if (body.is_discarded()) {
    throw core::AppError(core::ErrorCode::kBadRequest, "the body is not valid JSON");
  }
  const WebhookPayload payload = read_webhook_payload(body);
  WebhookReceipt receipt;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    receipt = WebhookReceipt{};
    const std::int64_t now = clock_.now_ms();
    for (const StatusReport& report : payload.statuses) {
      receipt.statuses_applied += apply_status(c, settings.shop_id, report, now) ? 1 : 0;
    }
    if (payload.messages.empty()) return;
    const std::string region =
        shops::ShopRepository::find(c, settings.shop_id.value())->phone_region;
    for (const InboundMessage& message : payload.messages) {
      const bool stored =
          take_inbound_message(c, settings, region, MessageChannel::kWhatsapp, message, now);
      receipt.messages_stored += stored ? 1 : 0;
    }
  });
  return receipt;
}

bool WhatsappWebhookService::apply_status(storage::Connection& c, core::ShopId shop,
                                          const StatusReport& report, std::int64_t now_ms) {
  // The provider's word for the status; one we do not know changes nothing.
  const std::optional<MessageStatus> status = core::enum_from_name<MessageStatus>(report.status);
  if (!status) return false;
  const std::int64_t at = report.at_ms > 0 ? report.at_ms : now_ms;
  auto updated = MessageRepository::apply_provider_status(
      c, shop, report.message_id, *status, at, report.error_code, report.error_message, now_ms);
  if (!updated) return false;
  const std::optional<core::CustomerId> customer =
      updated->customer_id ? std::optional(core::CustomerId(*updated->customer_id)) : std::nullopt;
  switch (updated->status) {
    case MessageStatus::kDelivered:
    case MessageStatus::kRead:
      if (customer) {
        OutreachRepository::set_whatsapp_status(c, shop, *customer, "active", "delivery", now_ms);
      }
      break;
    case MessageStatus::kFailed:
      if (customer &&
          channel_for(MessageChannel::kWhatsapp)
                  .failure_kind(SendOutcome{false, "", 0, report.error_code.value_or(""), ""}) ==
              FailureKind::kRecipientNotOnWhatsapp) {
        OutreachRepository::set_whatsapp_status(c, shop, *customer, "inactive", "delivery", now_ms);
      }
      // Back on the call list; the next pass sends the SMS if the customer agreed to SMS.
      if (updated->refill_reminder_id) {
        OutreachRepository::reopen_whatsapp_reminder(
            c, shop, core::RefillReminderId(*updated->refill_reminder_id), now_ms);
      }
      break;
    case MessageStatus::kQueued:
    case MessageStatus::kSending:
    case MessageStatus::kSent:
    case MessageStatus::kAwaitingApproval:
    case MessageStatus::kExpired:
      break;
  }
  return true;
}

}  // namespace rx::messaging
