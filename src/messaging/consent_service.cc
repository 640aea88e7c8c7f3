#include "messaging/consent_service.h"

#include "core/error.h"
#include "customers/customer_repository.h"
#include "messaging/message_repository.h"

namespace rx::messaging {
namespace {

constexpr std::int64_t kHistoryRows = 200;

constexpr std::string_view kGrantWhatsapp =
    "UPDATE customers SET whatsapp_consent = TRUE, opted_out_at = NULL, updated_at = ? "
    "WHERE shop_id = ? AND id = ?";
constexpr std::string_view kGrantSms =
    "UPDATE customers SET sms_consent = TRUE, opted_out_at = NULL, updated_at = ? "
    "WHERE shop_id = ? AND id = ?";
constexpr std::string_view kWithdrawWhatsapp =
    "UPDATE customers SET whatsapp_consent = FALSE, updated_at = ? WHERE shop_id = ? AND id = ?";
constexpr std::string_view kWithdrawSms =
    "UPDATE customers SET sms_consent = FALSE, updated_at = ? WHERE shop_id = ? AND id = ?";
// The first opt-out time stays: later ones are only further events.
constexpr std::string_view kOptOut =
    "UPDATE customers SET whatsapp_consent = FALSE, sms_consent = FALSE, "
    "opted_out_at = COALESCE(opted_out_at, ?), updated_at = ? WHERE shop_id = ? AND id = ?";

}  // namespace

ConsentView ConsentService::view(storage::Connection& c, std::int64_t shop_id,
                                 std::int64_t customer_id) {
  return ConsentView{
      *customers::CustomerRepository::find(c, core::ShopId(shop_id), core::CustomerId(customer_id)),
      customers::CustomerRepository::consent_history(c, core::ShopId(shop_id),
                                                     core::CustomerId(customer_id), kHistoryRows)};
}

ConsentView ConsentService::record(const auth::Principal& actor, std::int64_t customer_id,
                                   const ConsentChange& change) {
  ConsentView result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    if (!customers::CustomerRepository::find(c, core::ShopId(actor.shop_id),
                                             core::CustomerId(customer_id)))
      core::throw_not_found("customer");
    const std::int64_t now = clock_.now_ms();
    const bool whatsapp = change.channel == "whatsapp";
    const std::string_view sql = change.granted ? (whatsapp ? kGrantWhatsapp : kGrantSms)
                                                : (whatsapp ? kWithdrawWhatsapp : kWithdrawSms);
    c.query(sql, {now, actor.shop_id, customer_id});
    customers::CustomerRepository::record_consent(
        c, core::ShopId(actor.shop_id), core::CustomerId(customer_id), change.channel,
        change.granted, change.method, core::StaffId(actor.staff_id), now, change.note);
    if (!change.granted) {
      MessageRepository::cancel_queued(c, actor.shop_id, customer_id, change.channel,
                                       "consent_withdrawn", now);
    }
    result = view(c, actor.shop_id, customer_id);
  });
  return result;
}

ConsentView ConsentService::opt_out(const auth::Principal& actor, std::int64_t customer_id,
                                    const std::optional<std::string>& note) {
  ConsentView result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    if (!customers::CustomerRepository::find(c, core::ShopId(actor.shop_id),
                                             core::CustomerId(customer_id)))
      core::throw_not_found("customer");
    opt_out_in(c, actor.shop_id, customer_id, "staff", actor.staff_id, note, clock_.now_ms());
    result = view(c, actor.shop_id, customer_id);
  });
  return result;
}

void ConsentService::opt_out_in(storage::Connection& c, std::int64_t shop_id,
                                std::int64_t customer_id, std::string_view method,
                                std::optional<std::int64_t> staff_id,
                                const std::optional<std::string>& note, std::int64_t now_ms) {
  c.query(kOptOut, {now_ms, now_ms, shop_id, customer_id});
  customers::CustomerRepository::record_consent(
      c, core::ShopId(shop_id), core::CustomerId(customer_id), "all", false, method,
      staff_id ? std::optional(core::StaffId(*staff_id)) : std::nullopt, now_ms, note);
  MessageRepository::cancel_queued(c, shop_id, customer_id, std::nullopt, "opted_out", now_ms);
}

}  // namespace rx::messaging
