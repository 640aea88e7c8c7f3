#pragma once

#include "messaging/inbound_message.h"
#include "storage/database.h"

#include <optional>
#include <string_view>

namespace rx::messaging {

// SQL for inbound_messages (each inbound message once) and the contact a reply from an unknown
// number creates. Scoped by shop_id.
class InboundRepository {
 public:
  // Stores the message that came in on `channel` (whatsapp, sms); nullopt when this message id
  // was stored before (a redelivery).
  static std::optional<std::int64_t> insert(storage::Connection& c, std::int64_t shop_id,
                                            std::string_view channel, const InboundMessage& message,
                                            std::int64_t now_ms);
  static void set_outcome(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                          std::string_view action, std::optional<std::int64_t> customer_id,
                          std::optional<std::int64_t> contact_id);
  // A pending, unassigned contact sheet record for a number that wrote in, linked to the
  // customer with that number if there is one; WhatsApp known active (source reply) when it
  // wrote on WhatsApp. Counted in contact_counts like any contact without an upload.
  static std::int64_t insert_contact(storage::Connection& c, std::int64_t shop_id,
                                     const std::string& e164, std::string_view phone_type,
                                     const std::optional<std::string>& name,
                                     std::optional<std::int64_t> customer_id, bool on_whatsapp,
                                     std::int64_t now_ms);
};

}  // namespace rx::messaging
