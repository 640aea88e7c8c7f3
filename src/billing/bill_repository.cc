#include "billing/bill_repository.h"

#include "storage/conditions.h"

namespace rx::billing {
namespace {

constexpr std::string_view kSelect = R"(
SELECT b.id, b.customer_id, cu.name, cu.phone, b.staff_id, b.billed_at, b.bill_date, b.customer_category,
       b.was_contacted_before, b.visited_but_no_purchase, b.total_paise, b.notes,
       (SELECT COUNT(*) FROM bill_items bi WHERE bi.shop_id = b.shop_id AND bi.bill_id = b.id)
FROM bills b JOIN customers cu ON cu.shop_id = b.shop_id AND cu.id = b.customer_id)";

Bill from_row(const storage::RowView& r) {
  Bill b;
  b.id = r.int_at(0);
  b.customer_id = r.int_at(1);
  b.customer_name = r.opt_text_at(2);
  b.customer_phone = r.text_at(3);
  b.staff_id = r.opt_int_at(4);
  b.billed_at = r.int_at(5);
  b.bill_date = r.text_at(6);
  b.customer_category = r.opt_text_at(7);
  b.was_contacted_before = r.bool_at(8);
  b.visited_but_no_purchase = r.bool_at(9);
  b.total_paise = r.int_at(10);
  b.notes = r.opt_text_at(11);
  b.item_count = r.int_at(12);
  return b;
}

storage::Conditions where(std::int64_t shop_id, const BillFilter& f) {
  storage::Conditions w;
  w.add("b.shop_id = ?", {shop_id});
  if (f.from) w.add("b.bill_date >= ?", {*f.from});
  if (f.to) w.add("b.bill_date <= ?", {*f.to});
  if (f.customer_id) w.add("b.customer_id = ?", {*f.customer_id});
  if (f.staff_id) w.add("b.staff_id = ?", {*f.staff_id});
  return w;
}

}  // namespace

std::int64_t BillRepository::insert_bill(storage::Connection& c, std::int64_t shop_id,
                                         const Bill& b, std::int64_t now_ms) {
  return c.insert_returning_id(
      R"(
INSERT INTO bills (shop_id, customer_id, staff_id, billed_at, bill_date, customer_category, was_contacted_before,
                   visited_but_no_purchase, total_paise, notes, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))",
      {shop_id, b.customer_id, b.staff_id, b.billed_at, b.bill_date, b.customer_category,
       b.was_contacted_before, b.visited_but_no_purchase, b.total_paise, b.notes, now_ms});
}

std::int64_t BillRepository::insert_item(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t bill_id, const BillItem& i) {
  return c.insert_returning_id(
      R"(
INSERT INTO bill_items (shop_id, bill_id, line_no, medicine, quantity, unit_price_paise, amount_paise,
                        duration_days, is_generic, duration_skipped)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))",
      {shop_id, bill_id, i.line_no, i.medicine, i.quantity, i.unit_price_paise, i.amount_paise,
       i.duration_days, i.is_generic, i.duration_skipped});
}

std::int64_t BillRepository::insert_purchase(storage::Connection& c, std::int64_t shop_id,
                                             std::int64_t customer_id, std::int64_t bill_item_id,
                                             const Purchase& p, const std::string& medicine_key) {
  return c.insert_returning_id(
      R"(
INSERT INTO customer_purchases (shop_id, customer_id, bill_id, bill_item_id, medicine, medicine_key, quantity,
                                amount_paise, is_generic, purchased_on, duration_days, runs_out_on)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?))",
      {shop_id, customer_id, p.bill_id, bill_item_id, p.medicine, medicine_key, p.quantity,
       p.amount_paise, p.is_generic, p.purchased_on, p.duration_days, p.runs_out_on});
}

std::optional<Bill> BillRepository::find(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t id) {
  static const std::string kFindSql =
      storage::join_sql(kSelect, " WHERE b.shop_id = ? AND b.id = ?");
  auto found = storage::first_row_as(c, kFindSql, {shop_id, id}, from_row);
  if (!found) return std::nullopt;
  Bill& bill = *found;
  // An item's medicine runs out `duration_days` after the bill's date: its purchase row stores
  // the same date, but reading it here would need an index on the purchases by item.
  c.for_each_row(R"(
SELECT id, line_no, medicine, quantity, unit_price_paise, amount_paise, duration_days, is_generic,
       duration_skipped
FROM bill_items WHERE shop_id = ? AND bill_id = ? ORDER BY line_no)",
                 {shop_id, id}, [&](const storage::RowView& r) {
                   BillItem item{r.int_at(0),
                                 static_cast<int>(r.int_at(1)),
                                 std::string(r.text_at(2)),
                                 r.int_at(3),
                                 r.int_at(4),
                                 r.int_at(5),
                                 r.opt_int_at(6),
                                 r.bool_at(7),
                                 std::nullopt,
                                 r.bool_at(8)};
                   item.runs_out_on = run_out_date(bill.bill_date, item.duration_days);
                   bill.items.push_back(std::move(item));
                 });
  return found;
}

std::vector<Bill> BillRepository::list(storage::Connection& c, std::int64_t shop_id,
                                       const BillFilter& filter, std::int64_t limit,
                                       std::int64_t offset) {
  storage::Conditions w = where(shop_id, filter);
  return storage::rows_as(
      c, std::string(kSelect) + w.sql() + " ORDER BY b.billed_at DESC, b.id DESC LIMIT ? OFFSET ?",
      w.params_with({limit, offset}), from_row);
}

std::int64_t BillRepository::count(storage::Connection& c, std::int64_t shop_id,
                                   const BillFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM bills b" + w.sql(), w.params());
}

std::vector<Purchase> BillRepository::purchases(storage::Connection& c, std::int64_t shop_id,
                                                std::int64_t customer_id, std::int64_t limit) {
  std::vector<Purchase> out;
  for (const auto& r : c.query(R"(
SELECT id, bill_id, medicine, quantity, amount_paise, is_generic, purchased_on, duration_days, runs_out_on
FROM customer_purchases WHERE shop_id = ? AND customer_id = ? ORDER BY purchased_on DESC, id DESC LIMIT ?)",
                               {shop_id, customer_id, limit})
                           .rows) {
    out.push_back({r.int_at(0), r.int_at(1), r.text_at(2), r.int_at(3), r.int_at(4), r.bool_at(5),
                   r.text_at(6), r[7].as_opt_int(), r[8].as_opt_text()});
  }
  return out;
}

}  // namespace rx::billing
