#include "messaging/consent_service.h"

#include "core/error.h"
#include "customers/customer_repository.h"
#include "messaging/consent_repository.h"
#include "messaging/message_repository.h"

namespace rx::messaging {
namespace {

constexpr std::int64_t kHistoryRows = 200;

}  // namespace

ConsentView ConsentService::view(storage::Connection& c, core::ShopId shop,
                                 core::CustomerId customer) {
  return ConsentView{
      *customers::CustomerRepository::find(c, shop, customer),
      customers::CustomerRepository::consent_history(c, shop, customer, kHistoryRows)};
}

ConsentView ConsentService::record(const auth::Principal& actor, core::CustomerId customer,
                                   const ConsentChange& change) {
  const core::ShopId shop(actor.shop_id);
  ConsentView result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    if (!customers::CustomerRepository::find(c, shop, customer)) core::throw_not_found("customer");
    const std::int64_t now = clock_.now_ms();
    ConsentRepository::set_consent(c, shop, customer, change.channel, change.granted, now);
    customers::CustomerRepository::record_consent(
        c, shop, customer, core::enum_name(change.channel), change.granted,
        core::enum_name(change.method), core::StaffId(actor.staff_id), now, change.note);
    if (!change.granted) {
      MessageRepository::cancel_queued(c, shop, customer, change.channel, "consent_withdrawn", now);
    }
    result = view(c, shop, customer);
  });
  return result;
}

ConsentView ConsentService::opt_out(const auth::Principal& actor, core::CustomerId customer,
                                    const std::optional<std::string>& note) {
  const core::ShopId shop(actor.shop_id);
  ConsentView result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    if (!customers::CustomerRepository::find(c, shop, customer)) core::throw_not_found("customer");
    opt_out_in(c, shop, customer, "staff", core::StaffId(actor.staff_id), note, clock_.now_ms());
    result = view(c, shop, customer);
  });
  return result;
}

void ConsentService::opt_out_in(storage::Connection& c, core::ShopId shop,
                                core::CustomerId customer, std::string_view method,
                                std::optional<core::StaffId> staff,
                                const std::optional<std::string>& note, std::int64_t now_ms) {
  ConsentRepository::opt_out(c, shop, customer, now_ms);
  customers::CustomerRepository::record_consent(c, shop, customer, "all", false, method, staff,
                                                now_ms, note);
  MessageRepository::cancel_queued(c, shop, customer, std::nullopt, "opted_out", now_ms);
}

}  // namespace rx::messaging
