#include "messaging/inbound_repository.h"

#include "contacts/contact_counts.h"
#include "storage/codec.h"

namespace rx::messaging {

using storage::Codec;

std::optional<std::int64_t> InboundRepository::insert(storage::Connection& c, core::ShopId shop,
                                                      MessageChannel channel,
                                                      const InboundMessage& m,
                                                      std::int64_t now_ms) {
  return storage::first_row_as(
      c, R"(
INSERT INTO inbound_messages (shop_id, channel, provider_message_id, from_phone, from_user_id,
                              profile_name, kind, body, action, received_at, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'stored', ?, ?)
ON CONFLICT (shop_id, provider_message_id) DO NOTHING RETURNING id)",
      {shop.value(), Codec<MessageChannel>::bind(channel), m.message_id, m.from_phone,
       m.from_user_id, m.profile_name, m.kind, m.text, m.at_ms > 0 ? m.at_ms : now_ms, now_ms},
      [](const storage::RowView& r) { return Codec<std::int64_t>::read(r, 0); });
}

void InboundRepository::set_outcome(storage::Connection& c, core::ShopId shop, std::int64_t id,
                                    std::string_view action,
                                    std::optional<core::CustomerId> customer,
                                    std::optional<core::ContactId> contact) {
  c.query(
      "UPDATE inbound_messages SET action = ?, customer_id = ?, contact_id = ? "
      "WHERE shop_id = ? AND id = ?",
      {action, Codec<std::optional<core::CustomerId>>::bind(customer),
       Codec<std::optional<core::ContactId>>::bind(contact), shop.value(), id});
}

core::ContactId InboundRepository::insert_contact(storage::Connection& c, core::ShopId shop,
                                                  const std::string& e164,
                                                  std::string_view phone_type,
                                                  const std::optional<std::string>& name,
                                                  std::optional<core::CustomerId> customer,
                                                  bool on_whatsapp, std::int64_t now_ms) {
  const std::optional<std::string_view> source =
      on_whatsapp ? std::optional<std::string_view>("reply") : std::nullopt;
  const std::optional<std::int64_t> known_at =
      on_whatsapp ? std::optional<std::int64_t>(now_ms) : std::nullopt;
  const std::int64_t id = c.insert_returning_id(
      R"(
INSERT INTO contact_records (shop_id, phone, phone_type, name, status, whatsapp_status,
                             whatsapp_status_source, whatsapp_status_at, customer_id, created_at,
                             updated_at)
VALUES (?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?))",
      {shop.value(), e164, phone_type, name, on_whatsapp ? "active" : "unknown", source, known_at,
       Codec<std::optional<core::CustomerId>>::bind(customer), now_ms, now_ms});
  // Upload 0: the bucket of contacts that came from no sheet (triggers only move contacts).
  contacts::ContactCounts::add_imported(c, shop, std::nullopt, 1);
  return core::ContactId(id);
}

}  // namespace rx::messaging
