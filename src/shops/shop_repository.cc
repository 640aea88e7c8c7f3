#include "shops/shop_repository.h"

#include "shops/refill_cadence_codec.h"
#include "storage/table.h"

#include <string>

namespace rx::shops {
namespace {

// The shops table as a Shop reads it: the key, then the fields the shop's settings edit.
constexpr storage::Table kKey(storage::column("id", &Shop::id));
constexpr storage::Table kFields(storage::column("name", &Shop::name),
                                 storage::column("phone_region", &Shop::phone_region),
                                 storage::column("time_zone", &Shop::time_zone),
                                 storage::column("refill_lead_days", &Shop::refill_lead_days),
                                 storage::column("call_window_start", &Shop::call_window_start),
                                 storage::column("call_window_end", &Shop::call_window_end),
                                 storage::column("refill_cadence", &Shop::refill_cadence),
                                 storage::column("max_call_attempts", &Shop::max_call_attempts),
                                 storage::column("auto_assign", &Shop::auto_assign),
                                 storage::column("reassign_after_days", &Shop::reassign_after_days),
                                 storage::column("outreach_approval", &Shop::outreach_approval));

const std::string& insert_sql() {
  static const std::string sql = "INSERT INTO shops (" + kFields.select_list() +
                                 ", webhook_key, created_at, updated_at) VALUES (" +
                                 kFields.placeholders() + ", ?, ?, ?)";
  return sql;
}

constexpr std::string_view kInsertMessaging =
    "INSERT INTO shop_messaging_settings (shop_id, updated_at) VALUES (?, ?)";

const std::string& find_sql() {
  static const std::string sql =
      "SELECT " + kKey.select_list() + ", " + kFields.select_list() + " FROM shops WHERE id = ?";
  return sql;
}

const std::string& update_sql() {
  static const std::string sql =
      "UPDATE shops SET " + kFields.assignments() + ", updated_at = ? WHERE id = ?";
  return sql;
}

Shop read_shop(const storage::RowView& row) {
  Shop shop = kKey.read(row);
  kFields.read_into(shop, row, kKey.size());
  return shop;
}

constexpr std::string_view kClaimFirstRun =
    "INSERT INTO app_state (key, value) VALUES ('first_run', 'done') ON CONFLICT DO NOTHING";

}  // namespace

std::int64_t ShopRepository::insert(storage::Connection& c, const Shop& shop,
                                    const std::string& webhook_key, std::int64_t now_ms) {
  storage::Params params = kFields.params(shop);
  params.emplace_back(webhook_key);
  params.emplace_back(now_ms);
  params.emplace_back(now_ms);
  const std::int64_t id = c.insert_returning_id(insert_sql(), params);
  c.query(kInsertMessaging, {id, now_ms});
  return id;
}

std::optional<Shop> ShopRepository::find(storage::Connection& c, std::int64_t id) {
  return storage::first_row_as(c, find_sql(), {id}, read_shop);
}

void ShopRepository::update(storage::Connection& c, const Shop& shop, std::int64_t now_ms) {
  storage::Params params = kFields.params(shop);
  params.emplace_back(now_ms);
  params.emplace_back(shop.id);
  c.query(update_sql(), params);
}

std::int64_t ShopRepository::count(storage::Connection& c) {
  return c.query_int("SELECT COUNT(*) FROM shops");
}

bool ShopRepository::claim_first_run(storage::Connection& c) {
  return c.query(kClaimFirstRun).affected == 1;
}

}  // namespace rx::shops
