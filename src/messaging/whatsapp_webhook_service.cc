#include "messaging/whatsapp_webhook_service.h"

#include "contacts/contact_repository.h"
#include "core/error.h"
#include "core/json_fields.h"
#include "customers/customer_repository.h"
#include "messaging/consent_service.h"
#include "messaging/delivery_rules.h"
#include "messaging/inbound_repository.h"
#include "messaging/message_repository.h"
#include "messaging/messaging_settings_repository.h"
#include "messaging/outreach_repository.h"
#include "messaging/webhook_signature.h"
#include "phone/phone_normalizer.h"

#include <fmt/format.h>

namespace rx::messaging {
namespace {

constexpr std::size_t kMaxNoteLength = 2000;

std::string note_of(const InboundMessage& message) {
  if (message.text) return message.text->substr(0, kMaxNoteLength);
  return fmt::format("[{}]", message.kind);
}

}  // namespace

MessagingSettings WhatsappWebhookService::shop_for(const std::string& webhook_key) {
  std::optional<MessagingSettings> found;
  db_.with_connection([&](storage::Connection& c) {
    found = MessagingSettingsRepository::find_by_webhook_key(c, webhook_key);
  });
  if (!found) core::throw_not_found("webhook");
  return *found;
}

std::optional<std::string> WhatsappWebhookService::handshake(const std::string& webhook_key,
                                                             const HandshakeRequest& request) {
  const MessagingSettings settings = shop_for(webhook_key);
  if (request.mode != "subscribe" || !settings.whatsapp_verify_token ||
      !same_secret(request.verify_token, *settings.whatsapp_verify_token)) {
    return std::nullopt;
  }
  return request.challenge;
}

WebhookReceipt WhatsappWebhookService::receive(const std::string& webhook_key,
                                               const std::string& signature_header,
                                               const std::string& raw_body) {
  const MessagingSettings settings = shop_for(webhook_key);
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
    for (const InboundMessage& message : payload.messages) {
      receipt.messages_stored += take_inbound(c, settings, message, now) ? 1 : 0;
    }
  });
  return receipt;
}

bool WhatsappWebhookService::apply_status(storage::Connection& c, std::int64_t shop_id,
                                          const StatusReport& report, std::int64_t now_ms) {
  const std::int64_t at = report.at_ms > 0 ? report.at_ms : now_ms;
  auto updated =
      MessageRepository::apply_provider_status(c, shop_id, report.message_id, report.status, at,
                                               report.error_code, report.error_message, now_ms);
  if (!updated) return false;
  if (updated->status == "delivered" || updated->status == "read") {
    if (updated->customer_id) {
      OutreachRepository::set_whatsapp_status(c, shop_id, *updated->customer_id, "active",
                                              "delivery", now_ms);
    }
  } else if (updated->status == "failed") {
    if (updated->customer_id &&
        classify_whatsapp_failure(SendOutcome{false, "", 0, report.error_code.value_or(""), ""}) ==
            FailureKind::kRecipientNotOnWhatsapp) {
      OutreachRepository::set_whatsapp_status(c, shop_id, *updated->customer_id, "inactive",
                                              "delivery", now_ms);
    }
    // Back on the call list; the next pass sends the SMS if the customer agreed to SMS.
    if (updated->refill_reminder_id) {
      OutreachRepository::reopen_whatsapp_reminder(c, shop_id, *updated->refill_reminder_id,
                                                   now_ms);
    }
  }
  return true;
}

bool WhatsappWebhookService::take_inbound(storage::Connection& c, const MessagingSettings& settings,
                                          const InboundMessage& message, std::int64_t now_ms) {
  const std::int64_t shop_id = settings.shop_id;
  const auto stored = InboundRepository::insert(c, shop_id, message, now_ms);
  if (!stored) return false;             // a redelivery: handled the first time
  if (!message.from_phone) return true;  // only a user id: kept by that id
  auto phone = phone::PhoneNormalizer("IN").normalize(*message.from_phone);
  if (!phone) return true;
  const auto customer = customers::CustomerRepository::find_by_phone(c, shop_id, phone->e164);
  auto contact = contacts::ContactRepository::find_by_phone(c, shop_id, phone->e164);
  const std::optional<std::int64_t> customer_id =
      customer ? std::optional<std::int64_t>(customer->id) : std::nullopt;
  // Whoever writes in is on WhatsApp.
  if (customer) {
    OutreachRepository::set_whatsapp_status(c, shop_id, customer->id, "active", "reply", now_ms);
  } else if (contact && contact->whatsapp_status != "active") {
    contacts::ContactRepository::set_whatsapp_status(
        c, shop_id, contact->id, contacts::WhatsappStatus::kActive, "reply", now_ms);
  }
  if (message.text && is_opt_out_reply(*message.text, settings.opt_out_keywords)) {
    if (customer) {
      ConsentService::opt_out_in(c, shop_id, customer->id, "reply", std::nullopt,
                                 fmt::format("WhatsApp reply: {}", core::trim(*message.text)),
                                 now_ms);
    }
    InboundRepository::set_outcome(
        c, shop_id, *stored, "opt_out", customer_id,
        contact ? std::optional<std::int64_t>(contact->id) : std::nullopt);
    return true;
  }
  const std::int64_t contact_id =
      contact ? contact->id
              : InboundRepository::insert_contact(c, shop_id, phone->e164,
                                                  phone::to_string(phone->type),
                                                  message.profile_name, customer_id, now_ms);
  contacts::ContactRepository::insert_interaction(c, shop_id, contact_id, std::nullopt, "whatsapp",
                                                  "answered", note_of(message), now_ms);
  InboundRepository::set_outcome(c, shop_id, *stored, "logged", customer_id, contact_id);
  return true;
}

}  // namespace rx::messaging
