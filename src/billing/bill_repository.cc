#include "billing/bill_repository.h"

#include "storage/conditions.h"
#include "storage/table.h"

namespace rx::billing {
namespace {

using storage::column;

// bills: the key, then the stored fields in the order INSERT binds them.
constexpr storage::Table kBillKey(column("id", &Bill::id));
constexpr storage::Table kBillFields(
    column("customer_id", &Bill::customer_id), column("staff_id", &Bill::staff_id),
    column("billed_at", &Bill::billed_at), column("bill_date", &Bill::bill_date),
    column("customer_category", &Bill::customer_category),
    column("was_contacted_before", &Bill::was_contacted_before),
    column("visited_but_no_purchase", &Bill::visited_but_no_purchase),
    column("total_paise", &Bill::total_paise), column("notes", &Bill::notes));
// What a read adds to the row: its customer's name and phone (cu) and its number of items.
constexpr storage::Table kBillJoined(
    column("cu.name", &Bill::customer_name), column("cu.phone", &Bill::customer_phone),
    column(
        "(SELECT COUNT(*) FROM bill_items bi WHERE bi.shop_id = b.shop_id AND bi.bill_id = b.id)",
        &Bill::item_count));

// bill_items: the key, then the fields INSERT binds after shop_id and bill_id.
constexpr storage::Table kItemKey(column("id", &BillItem::id));
constexpr storage::Table kItemFields(column("line_no", &BillItem::line_no),
                                     column("medicine", &BillItem::medicine),
                                     column("quantity", &BillItem::quantity),
                                     column("unit_price_paise", &BillItem::unit_price_paise),
                                     column("amount_paise", &BillItem::amount_paise),
                                     column("duration_days", &BillItem::duration_days),
                                     column("is_generic", &BillItem::is_generic),
                                     column("duration_skipped", &BillItem::duration_skipped));

// customer_purchases: the key, then the fields INSERT binds after shop_id, customer_id,
// bill_item_id and medicine_key (which a Purchase does not carry).
constexpr storage::Table kPurchaseKey(column("id", &Purchase::id));
constexpr storage::Table kPurchaseFields(column("bill_id", &Purchase::bill_id),
                                         column("medicine", &Purchase::medicine),
                                         column("quantity", &Purchase::quantity),
                                         column("amount_paise", &Purchase::amount_paise),
                                         column("is_generic", &Purchase::is_generic),
                                         column("purchased_on", &Purchase::purchased_on),
                                         column("duration_days", &Purchase::duration_days),
                                         column("runs_out_on", &Purchase::runs_out_on));

// SELECT <key, fields, joined> FROM bills b JOIN customers cu: built once.
const std::string& select_bills() {
  static const std::string sql = "SELECT " + kBillKey.select_list("b.") + ", " +
                                 kBillFields.select_list("b.") + ", " + kBillJoined.select_list() +
                                 " FROM bills b JOIN customers cu ON cu.shop_id = b.shop_id AND "
                                 "cu.id = b.customer_id";
  return sql;
}

Bill bill_from(const storage::RowView& r) {
  Bill b;
  kBillKey.read_into(b, r);
  kBillFields.read_into(b, r, kBillKey.size());
  kBillJoined.read_into(b, r, kBillKey.size() + kBillFields.size());
  return b;
}

storage::Conditions where(core::ShopId shop_id, const BillFilter& f) {
  storage::Conditions w;
  w.add("b.shop_id = ?", {shop_id.value()});
  if (f.from) w.add("b.bill_date >= ?", {*f.from});
  if (f.to) w.add("b.bill_date <= ?", {*f.to});
  if (f.customer_id) w.add("b.customer_id = ?", {*f.customer_id});
  if (f.staff_id) w.add("b.staff_id = ?", {*f.staff_id});
  return w;
}

}  // namespace

core::BillId BillRepository::insert_bill(storage::Connection& c, core::ShopId shop_id,
                                         const Bill& b, std::int64_t now_ms) {
  static const std::string kSql = "INSERT INTO bills (shop_id, " + kBillFields.select_list() +
                                  ", created_at) VALUES (?, " + kBillFields.placeholders() + ", ?)";
  storage::Params params;
  params.reserve(kBillFields.size() + 2);
  params.emplace_back(shop_id.value());
  kBillFields.bind(b, params);
  params.emplace_back(now_ms);
  return core::BillId(c.insert_returning_id(kSql, params));
}

std::int64_t BillRepository::insert_item(storage::Connection& c, core::ShopId shop_id,
                                         core::BillId bill_id, const BillItem& i) {
  static const std::string kSql = "INSERT INTO bill_items (shop_id, bill_id, " +
                                  kItemFields.select_list() + ") VALUES (?, ?, " +
                                  kItemFields.placeholders() + ")";
  storage::Params params;
  params.reserve(kItemFields.size() + 2);
  params.emplace_back(shop_id.value());
  params.emplace_back(bill_id.value());
  kItemFields.bind(i, params);
  return c.insert_returning_id(kSql, params);
}

std::int64_t BillRepository::insert_purchase(storage::Connection& c, core::ShopId shop_id,
                                             core::CustomerId customer_id,
                                             std::int64_t bill_item_id, const Purchase& p,
                                             const std::string& medicine_key) {
  static const std::string kSql =
      "INSERT INTO customer_purchases (shop_id, customer_id, bill_item_id, medicine_key, " +
      kPurchaseFields.select_list() + ") VALUES (?, ?, ?, ?, " + kPurchaseFields.placeholders() +
      ")";
  storage::Params params;
  params.reserve(kPurchaseFields.size() + 4);
  params.emplace_back(shop_id.value());
  params.emplace_back(customer_id.value());
  params.emplace_back(bill_item_id);
  params.emplace_back(medicine_key);
  kPurchaseFields.bind(p, params);
  return c.insert_returning_id(kSql, params);
}

std::optional<Bill> BillRepository::find(storage::Connection& c, core::ShopId shop_id,
                                         core::BillId id) {
  static const std::string kFindSql =
      storage::join_sql(select_bills(), " WHERE b.shop_id = ? AND b.id = ?");
  auto found = storage::first_row_as(c, kFindSql, {shop_id.value(), id.value()}, bill_from);
  if (!found) return std::nullopt;
  Bill& bill = *found;
  // An item's medicine runs out `duration_days` after the bill's date: its purchase row stores
  // the same date, but reading it here would need an index on the purchases by item.
  static const std::string kItemsSql =
      "SELECT " + kItemKey.select_list() + ", " + kItemFields.select_list() +
      " FROM bill_items WHERE shop_id = ? AND bill_id = ? ORDER BY line_no";
  c.for_each_row(kItemsSql, {shop_id.value(), id.value()}, [&](const storage::RowView& r) {
    BillItem& item = bill.items.emplace_back();
    kItemKey.read_into(item, r);
    kItemFields.read_into(item, r, kItemKey.size());
    item.runs_out_on = run_out_date(bill.bill_date, item.duration_days);
  });
  return found;
}

std::vector<Bill> BillRepository::list(storage::Connection& c, core::ShopId shop_id,
                                       const BillFilter& filter, std::int64_t limit,
                                       std::int64_t offset) {
  storage::Conditions w = where(shop_id, filter);
  return storage::rows_as(
      c, select_bills() + w.sql() + " ORDER BY b.billed_at DESC, b.id DESC LIMIT ? OFFSET ?",
      w.params_with({limit, offset}), bill_from);
}

std::int64_t BillRepository::count(storage::Connection& c, core::ShopId shop_id,
                                   const BillFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM bills b" + w.sql(), w.params());
}

std::vector<Purchase> BillRepository::purchases(storage::Connection& c, core::ShopId shop_id,
                                                core::CustomerId customer_id, std::int64_t limit) {
  static const std::string kSql =
      "SELECT " + kPurchaseKey.select_list() + ", " + kPurchaseFields.select_list() +
      " FROM customer_purchases WHERE shop_id = ? AND customer_id = ? ORDER BY purchased_on DESC, "
      "id DESC LIMIT ?";
  return storage::rows_as(c, kSql, {shop_id.value(), customer_id.value(), limit},
                          [](const storage::RowView& r) {
                            Purchase p;
                            kPurchaseKey.read_into(p, r);
                            kPurchaseFields.read_into(p, r, kPurchaseKey.size());
                            return p;
                          });
}

}  // namespace rx::billing
