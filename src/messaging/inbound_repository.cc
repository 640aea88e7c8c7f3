#include "messaging/inbound_repository.h"

#include "contacts/contact_counts.h"

namespace rx::messaging {

std::optional<std::int64_t> InboundRepository::insert(storage::Connection& c, std::int64_t shop_id,
                                                      std::string_view channel,
                                                      const InboundMessage& m,
                                                      std::int64_t now_ms) {
  storage::ResultSet inserted =
      c.query(R"(
INSERT INTO inbound_messages (shop_id, channel, provider_message_id, from_phone, from_user_id,
                              profile_name, kind, body, action, received_at, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'stored', ?, ?)
ON CONFLICT (shop_id, provider_message_id) DO NOTHING RETURNING id)",
              {shop_id, channel, m.message_id, m.from_phone, m.from_user_id, m.profile_name, m.kind,
               m.text, m.at_ms > 0 ? m.at_ms : now_ms, now_ms});
  if (inserted.empty()) return std::nullopt;
  return inserted.first().int_at(0);
}

void InboundRepository::set_outcome(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                    std::string_view action,
                                    std::optional<std::int64_t> customer_id,
                                    std::optional<std::int64_t> contact_id) {
  c.query(
      "UPDATE inbound_messages SET action = ?, customer_id = ?, contact_id = ? "
      "WHERE shop_id = ? AND id = ?",
      {action, customer_id, contact_id, shop_id, id});
}

std::int64_t InboundRepository::insert_contact(storage::Connection& c, std::int64_t shop_id,
                                               const std::string& e164, std::string_view phone_type,
                                               const std::optional<std::string>& name,
                                               std::optional<std::int64_t> customer_id,
                                               bool on_whatsapp, std::int64_t now_ms) {
  const std::optional<std::string_view> source =
      on_whatsapp ? std::optional<std::string_view>("reply") : std::nullopt;
  const std::optional<std::int64_t> known_at =
      on_whatsapp ? std::optional<std::int64_t>(now_ms) : std::nullopt;
  const std::int64_t id =
      c.insert_returning_id(R"(
INSERT INTO contact_records (shop_id, phone, phone_type, name, status, whatsapp_status,
                             whatsapp_status_source, whatsapp_status_at, customer_id, created_at,
                             updated_at)
VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?))",
                            {shop_id, e164, phone_type, name, on_whatsapp ? "active" : "unknown",
                             source, known_at, customer_id, now_ms, now_ms});
  // Upload 0: the bucket of contacts that came from no sheet (triggers only move contacts).
  contacts::ContactCounts::add_imported(c, core::ShopId(shop_id), std::nullopt, 1);
  return id;
}

}  // namespace rx::messaging
