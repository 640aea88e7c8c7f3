#include "messaging/consent_repository.h"

#include <string_view>

namespace rx::messaging {
namespace {

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
constexpr std::string_view kOptOut =
    "UPDATE customers SET whatsapp_consent = FALSE, sms_consent = FALSE, "
    "opted_out_at = COALESCE(opted_out_at, ?), updated_at = ? WHERE shop_id = ? AND id = ?";

// The statement that sets `channel`'s consent column.
std::string_view consent_sql(MessageChannel channel, bool granted) {
  switch (channel) {
    case MessageChannel::kWhatsapp:
      return granted ? kGrantWhatsapp : kWithdrawWhatsapp;
    case MessageChannel::kSms:
      return granted ? kGrantSms : kWithdrawSms;
  }
  return {};
}

}  // namespace

void ConsentRepository::set_consent(storage::Connection& c, core::ShopId shop,
                                    core::CustomerId customer, MessageChannel channel, bool granted,
                                    std::int64_t now_ms) {
  c.query(consent_sql(channel, granted), {now_ms, shop.value(), customer.value()});
}

void ConsentRepository::opt_out(storage::Connection& c, core::ShopId shop,
                                core::CustomerId customer, std::int64_t now_ms) {
  c.query(kOptOut, {now_ms, now_ms, shop.value(), customer.value()});
}

}  // namespace rx::messaging
