#pragma once

#include "messaging/webhook_payload.h"
#include "storage/database.h"

#include <optional>

namespace rx::messaging {

// SQL for inbound_messages (each inbound message once) and the contact a reply from an unknown
// number creates. Scoped by shop_id.
class InboundRepository {
 public:
  // Stores the message; nullopt when this message id was stored before (a redelivery).
  static std::optional<std::int64_t> insert(storage::Connection& c, std::int64_t shop_id,
                                            const InboundMessage& message, std::int64_t now_ms);
  static void set_outcome(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                          std::string_view action, std::optional<std::int64_t> customer_id,
                          std::optional<std::int64_t> contact_id);
  // A contact sheet record for a number that wrote in: WhatsApp known active (source reply),
  // linked to the customer with that number if there is one.
  static std::int64_t insert_contact(storage::Connection& c, std::int64_t shop_id,
                                     const std::string& e164, std::string_view phone_type,
                                     const std::optional<std::string>& name,
                                     std::optional<std::int64_t> customer_id, std::int64_t now_ms);
};

}  // namespace rx::messaging
