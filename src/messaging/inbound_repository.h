#pragma once

#include "core/strong_id.h"
#include "messaging/inbound_message.h"
#include "messaging/message_channel.h"
#include "storage/database.h"

#include <optional>
#include <string_view>

namespace rx::messaging {

// SQL for inbound_messages (each inbound message once) and the contact a reply from an unknown
// number creates. Scoped by shop_id. Database failures are thrown as core::AppError with the
// codes of storage/driver_error.h.
class InboundRepository {
 public:
  // Stores the message that came in on `channel`; its row id, or nullopt when this message id
  // was stored before (a redelivery).
  static std::optional<std::int64_t> insert(storage::Connection& c, core::ShopId shop,
                                            MessageChannel channel, const InboundMessage& message,
                                            std::int64_t now_ms);
  // What was done with the stored message `id` ("opt_out", "logged") and whom it concerned.
  static void set_outcome(storage::Connection& c, core::ShopId shop, std::int64_t id,
                          std::string_view action, std::optional<core::CustomerId> customer,
                          std::optional<core::ContactId> contact);
  // A pending, unassigned contact sheet record for a number that wrote in, linked to the
  // customer with that number if there is one; WhatsApp known active (source reply) when it
  // wrote on WhatsApp. Counted in contact_counts like any contact without an upload.
  static core::ContactId insert_contact(storage::Connection& c, core::ShopId shop,
                                        const std::string& e164, std::string_view phone_type,
                                        const std::optional<std::string>& name,
                                        std::optional<core::CustomerId> customer, bool on_whatsapp,
                                        std::int64_t now_ms);
};

}  // namespace rx::messaging
