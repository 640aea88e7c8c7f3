#include "shops/shop_repository.h"

#include "messaging/webhook_key_repository.h"

namespace rx::shops {
namespace {

constexpr std::string_view kInsert = R"(
INSERT INTO shops (name, phone_region, time_zone, refill_lead_days, webhook_key, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?))";

constexpr std::string_view kInsertMessaging =
    "INSERT INTO shop_messaging_settings (shop_id, updated_at) VALUES (?, ?)";

constexpr std::string_view kFind =
    "SELECT id, name, phone_region, time_zone, refill_lead_days FROM shops WHERE id = ?";

constexpr std::string_view kUpdate = R"(
UPDATE shops SET name = ?, phone_region = ?, time_zone = ?, refill_lead_days = ?, updated_at = ?
WHERE id = ?)";

constexpr std::string_view kClaimFirstRun =
    "INSERT INTO app_state (key, value) VALUES ('first_run', 'done') ON CONFLICT DO NOTHING";

}  // namespace

std::int64_t ShopRepository::insert(storage::Connection& c, const Shop& shop,
                                    const std::string& webhook_key, std::int64_t now_ms) {
  std::int64_t id =
      c.insert_returning_id(kInsert, {shop.name, shop.phone_region, shop.time_zone,
                                      shop.refill_lead_days, webhook_key, now_ms, now_ms});
  c.query(kInsertMessaging, {id, now_ms});
  messaging::WebhookKeyRepository::insert_new_shop_keys(c, core::ShopId(id), webhook_key, now_ms);
  return id;
}

std::optional<Shop> ShopRepository::find(storage::Connection& c, std::int64_t id) {
  auto row = c.query_one(kFind, {id});
  if (!row) return std::nullopt;
  return Shop{row->int_at(0), row->text_at(1), row->text_at(2), row->text_at(3),
              static_cast<int>(row->int_at(4))};
}

void ShopRepository::update(storage::Connection& c, const Shop& shop, std::int64_t now_ms) {
  c.query(kUpdate,
          {shop.name, shop.phone_region, shop.time_zone, shop.refill_lead_days, now_ms, shop.id});
}

std::int64_t ShopRepository::count(storage::Connection& c) {
  return c.query_int("SELECT COUNT(*) FROM shops");
}

bool ShopRepository::claim_first_run(storage::Connection& c) {
  return c.query(kClaimFirstRun).affected == 1;
}

}  // namespace rx::shops
