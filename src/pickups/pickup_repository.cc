#include "pickups/pickup_repository.h"

#include "storage/conditions.h"
#include "storage/table.h"

namespace rx::pickups {
namespace {

using storage::Codec;
using storage::column;

// The pickup's own columns (alias p), then its reminder's medicine (rr) and its customer (cu).
constexpr storage::Table kPickupColumns(
    column("id", &Pickup::id), column("customer_id", &Pickup::customer_id),
    column("refill_reminder_id", &Pickup::refill_reminder_id), column("channel", &Pickup::channel),
    column("status", &Pickup::status), column("ready_at", &Pickup::ready_at),
    column("ready_by", &Pickup::ready_by), column("bill_id", &Pickup::bill_id),
    column("closed_at", &Pickup::closed_at), column("closed_by", &Pickup::closed_by),
    column("created_at", &Pickup::created_at));
constexpr storage::Table kReminderColumns(column("medicine", &Pickup::medicine),
                                          column("runs_out_on", &Pickup::runs_out_on));
constexpr storage::Table kCustomerColumns(column("name", &Pickup::customer_name),
                                          column("phone", &Pickup::customer_phone));

struct IdRow {
  std::int64_t id = 0;
};
constexpr storage::Table kIdColumn(column("id", &IdRow::id));

const std::string& select_sql() {
  static const std::string sql = "SELECT " + kPickupColumns.select_list("p.") + ", " +
                                 kReminderColumns.select_list("rr.") + ", " +
                                 kCustomerColumns.select_list("cu.") + R"(
FROM pickups p
JOIN refill_reminders rr ON rr.shop_id = p.shop_id AND rr.id = p.refill_reminder_id
JOIN customers cu ON cu.shop_id = p.shop_id AND cu.id = p.customer_id)";
  return sql;
}

Pickup from_row(const storage::RowView& r) {
  Pickup p = kPickupColumns.read(r);
  kReminderColumns.read_into(p, r, kPickupColumns.size());
  kCustomerColumns.read_into(p, r, kPickupColumns.size() + kReminderColumns.size());
  return p;
}

storage::Conditions where(core::ShopId shop, const PickupFilter& f) {
  storage::Conditions w;
  w.add("p.shop_id = ?", {shop.value()});
  if (f.status) {
    w.add("p.status = ?", {Codec<PickupStatus>::bind(*f.status)});
  } else {
    w.add("p.status IN ('waiting', 'ready')", {});
  }
  if (f.customer_id) w.add("p.customer_id = ?", {*f.customer_id});
  w.add(
      "EXISTS (SELECT 1 FROM customers cx WHERE cx.shop_id = p.shop_id AND "
      "cx.id = p.customer_id AND cx.erased_at IS NULL)");
  return w;
}

}  // namespace

std::optional<PickupId> PickupRepository::open_for_reminder(
    storage::Connection& c, core::ShopId shop, core::CustomerId customer,
    core::RefillReminderId reminder, std::string_view channel,
    std::optional<std::int64_t> inbound_message_id, std::int64_t now_ms) {
  const std::int64_t open = c.query_int(
      "SELECT COUNT(*) FROM pickups WHERE shop_id = ? AND refill_reminder_id = ? AND "
      "status IN ('waiting', 'ready')",
      {shop.value(), reminder.value()});
  if (open > 0) return std::nullopt;
  return PickupId(c.insert_returning_id(
      "INSERT INTO pickups (shop_id, customer_id, refill_reminder_id, channel, "
      "inbound_message_id, status, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?)",
      {shop.value(), customer.value(), reminder.value(), channel,
       inbound_message_id ? storage::Value(*inbound_message_id) : storage::Value(), now_ms,
       now_ms}));
}

std::optional<Pickup> PickupRepository::find(storage::Connection& c, core::ShopId shop,
                                             PickupId id) {
  return storage::first_row_as(c,
                               storage::join_sql(select_sql(), " WHERE p.shop_id = ? AND p.id = ?"),
                               {shop.value(), id.value()}, from_row);
}

std::vector<Pickup> PickupRepository::list(storage::Connection& c, core::ShopId shop,
                                           const PickupFilter& filter, std::int64_t limit,
                                           std::int64_t offset) {
  storage::Conditions w = where(shop, filter);
  return storage::rows_as(c,
                          select_sql() + w.sql() + " ORDER BY p.created_at, p.id LIMIT ? OFFSET ?",
                          w.params_with({limit, offset}), from_row);
}

std::int64_t PickupRepository::count(storage::Connection& c, core::ShopId shop,
                                     const PickupFilter& filter) {
  storage::Conditions w = where(shop, filter);
  return c.query_int("SELECT COUNT(*) FROM pickups p" + w.sql(), w.params());
}

bool PickupRepository::mark_ready(storage::Connection& c, core::ShopId shop, PickupId id,
                                  core::StaffId staff, std::int64_t now_ms) {
  return c.query(
              "UPDATE pickups SET status = 'ready', ready_at = ?, ready_by = ?, updated_at = ? "
              "WHERE shop_id = ? AND id = ? AND status = 'waiting'",
              {now_ms, staff.value(), now_ms, shop.value(), id.value()})
             .affected == 1;
}

bool PickupRepository::cancel(storage::Connection& c, core::ShopId shop, PickupId id,
                              core::StaffId staff, std::int64_t now_ms) {
  return c.query(
              "UPDATE pickups SET status = 'cancelled', closed_at = ?, closed_by = ?, "
              "updated_at = ? WHERE shop_id = ? AND id = ? AND status IN ('waiting', 'ready')",
              {now_ms, staff.value(), now_ms, shop.value(), id.value()})
             .affected == 1;
}

std::vector<std::int64_t> PickupRepository::collect_for_customer(storage::Connection& c,
                                                                 core::ShopId shop,
                                                                 core::CustomerId customer,
                                                                 core::BillId bill,
                                                                 std::int64_t now_ms) {
  const std::vector<std::int64_t> ids =
      storage::rows_as(c,
                       "SELECT " + kIdColumn.select_list() +
                           " FROM pickups WHERE shop_id = ? AND customer_id = ? AND "
                           "status IN ('waiting', 'ready') ORDER BY id",
                       {shop.value(), customer.value()},
                       [](const storage::RowView& r) { return kIdColumn.read(r).id; });
  if (ids.empty()) return ids;
  c.query(
      "UPDATE pickups SET status = 'collected', bill_id = ?, closed_at = ?, updated_at = ? "
      "WHERE shop_id = ? AND customer_id = ? AND status IN ('waiting', 'ready')",
      {bill.value(), now_ms, now_ms, shop.value(), customer.value()});
  return ids;
}

}  // namespace rx::pickups
