#pragma once

#include "core/strong_id.h"
#include "messaging/message_channel.h"
#include "storage/database.h"

namespace rx::messaging {

// The consent columns of a customer's row (customers.whatsapp_consent, sms_consent,
// opted_out_at). The consent history is the customers domain's (CustomerRepository). Every
// statement is scoped by shop_id; database failures are thrown as core::AppError with the codes
// of storage/driver_error.h.
class ConsentRepository {
 public:
  // Grants or withdraws consent on one channel. A grant also ends an earlier opt-out.
  static void set_consent(storage::Connection& c, core::ShopId shop, core::CustomerId customer,
                          MessageChannel channel, bool granted, std::int64_t now_ms);
  // Every channel off; the first opt-out time stays (later ones are only further events).
  static void opt_out(storage::Connection& c, core::ShopId shop, core::CustomerId customer,
                      std::int64_t now_ms);
};

}  // namespace rx::messaging
