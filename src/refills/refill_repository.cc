#include "refills/refill_repository.h"

#include "storage/conditions.h"

#include <utility>

namespace rx::refills {
namespace {

constexpr std::string_view kSelect = R"(
SELECT rr.id, rr.customer_id, cu.name, cu.phone, cu.whatsapp_status, rr.purchase_id, rr.bill_id, rr.medicine,
       rr.runs_out_on, rr.remind_on, rr.status, rr.sent_channel, rr.sent_at, rr.sent_by, rr.response,
       rr.response_note, rr.responded_at, rr.refilled_bill_id, rr.closed_at, rr.created_at
FROM refill_reminders rr
JOIN customers cu ON cu.shop_id = rr.shop_id AND cu.id = rr.customer_id)";

RefillReminder from_row(const storage::RowView& r) {
  RefillReminder x;
  x.id = r.int_at(0);
  x.customer_id = r.int_at(1);
  x.customer_name = r.opt_text_at(2);
  x.customer_phone = r.text_at(3);
  x.whatsapp_status = r.text_at(4);
  x.purchase_id = r.opt_int_at(5);
  x.bill_id = r.opt_int_at(6);
  x.medicine = r.text_at(7);
  x.runs_out_on = r.text_at(8);
  x.remind_on = r.text_at(9);
  x.status = r.text_at(10);
  x.sent_channel = r.opt_text_at(11);
  x.sent_at = r.opt_int_at(12);
  x.sent_by = r.opt_int_at(13);
  x.response = r.opt_text_at(14);
  x.response_note = r.opt_text_at(15);
  x.responded_at = r.opt_int_at(16);
  x.refilled_bill_id = r.opt_int_at(17);
  x.closed_at = r.opt_int_at(18);
  x.created_at = r.int_at(19);
  return x;
}

storage::Conditions where(std::int64_t shop_id, const RefillFilter& f) {
  storage::Conditions w;
  w.add("rr.shop_id = ?", {shop_id});
  if (f.status) w.add("rr.status = ?", {*f.status});
  if (f.open_only) w.add("rr.status IN ('pending', 'sent', 'responded')", {});
  if (f.from) w.add("rr.remind_on >= ?", {*f.from});
  if (f.to) w.add("rr.remind_on <= ?", {*f.to});
  if (f.customer_id) w.add("rr.customer_id = ?", {*f.customer_id});
  if (f.medicine)
    w.add("rr.medicine_key LIKE ? ESCAPE '\\'",
          {storage::like_pattern_containing(medicine_key(*f.medicine))});
  if (f.hide_while_messaging) {
    w.add(
        "NOT EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id AND "
        "m.refill_reminder_id = rr.id AND m.channel = 'whatsapp' AND "
        "m.status IN ('queued', 'sending'))");
  }
  return w;
}

}  // namespace

std::int64_t RefillRepository::insert(storage::Connection& c, std::int64_t shop_id,
                                      const NewRefillReminder& r, std::int64_t now_ms) {
  return c.insert_returning_id(
      R"(
INSERT INTO refill_reminders (shop_id, customer_id, purchase_id, bill_id, medicine, medicine_key, runs_out_on,
                              remind_on, status, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?))",
      {shop_id, r.customer_id, r.purchase_id, r.bill_id, r.medicine, medicine_key(r.medicine),
       r.runs_out_on, r.remind_on, now_ms, now_ms});
}

// Keep in step with insert above: a new reminder is pending, with nothing sent or answered.
RefillReminder RefillRepository::as_inserted(std::int64_t id, const NewRefillReminder& r,
                                             std::optional<std::string> customer_name,
                                             std::string customer_phone,
                                             std::string whatsapp_status, std::int64_t now_ms) {
  RefillReminder out;
  out.id = id;
  out.customer_id = r.customer_id;
  out.customer_name = std::move(customer_name);
  out.customer_phone = std::move(customer_phone);
  out.whatsapp_status = std::move(whatsapp_status);
  out.purchase_id = r.purchase_id;
  out.bill_id = r.bill_id;
  out.medicine = r.medicine;
  out.runs_out_on = r.runs_out_on;
  out.remind_on = r.remind_on;
  out.status = "pending";
  out.created_at = now_ms;
  return out;
}

std::vector<std::int64_t> RefillRepository::close_as_refilled(
    storage::Connection& c, std::int64_t shop_id, std::int64_t customer_id, const std::string& key,
    std::int64_t bill_id, std::int64_t now_ms) {
  std::vector<std::int64_t> ids;
  for (const auto& r :
       c.query("SELECT id FROM refill_reminders WHERE shop_id = ? AND customer_id = ? AND "
               "medicine_key = ? AND status IN ('pending', 'sent', 'responded')",
               {shop_id, customer_id, key})
           .rows) {
    ids.push_back(r.int_at(0));
  }
  for (std::int64_t id : ids) {
    c.query(
        "UPDATE refill_reminders SET status = 'refilled', refilled_bill_id = ?, closed_at = ?, "
        "updated_at = ? "
        "WHERE shop_id = ? AND id = ?",
        {bill_id, now_ms, now_ms, shop_id, id});
    add_event(c, shop_id, id, "refilled", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
              now_ms);
  }
  return ids;
}

std::optional<RefillReminder> RefillRepository::find(storage::Connection& c, std::int64_t shop_id,
                                                     std::int64_t id) {
  return storage::first_row_as(c, storage::join_sql(kSelect, " WHERE rr.shop_id = ? AND rr.id = ?"),
                               {shop_id, id}, from_row);
}

std::vector<RefillReminder> RefillRepository::list(storage::Connection& c, std::int64_t shop_id,
                                                   const RefillFilter& filter, std::int64_t limit,
                                                   std::int64_t offset) {
  storage::Conditions w = where(shop_id, filter);
  return storage::rows_as(
      c, std::string(kSelect) + w.sql() + " ORDER BY rr.remind_on, rr.id LIMIT ? OFFSET ?",
      w.params_with({limit, offset}), from_row);
}

std::int64_t RefillRepository::count(storage::Connection& c, std::int64_t shop_id,
                                     const RefillFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM refill_reminders rr" + w.sql(), w.params());
}

void RefillRepository::mark_sent(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                 std::string_view channel, std::optional<std::int64_t> staff_id,
                                 std::int64_t now_ms) {
  // A reminder already answered keeps its status; the send is still recorded as an event.
  c.query(
      "UPDATE refill_reminders SET status = CASE WHEN status = 'pending' THEN 'sent' ELSE status "
      "END, "
      "sent_channel = ?, sent_at = ?, sent_by = ?, updated_at = ? WHERE shop_id = ? AND id = ?",
      {channel, now_ms, staff_id, now_ms, shop_id, id});
}

void RefillRepository::record_response(storage::Connection& c, std::int64_t shop_id,
                                       std::int64_t id, std::string_view response,
                                       const std::optional<std::string>& note,
                                       std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET status = 'responded', response = ?, response_note = ?, "
      "responded_at = ?, "
      "updated_at = ? WHERE shop_id = ? AND id = ?",
      {response, note, now_ms, now_ms, shop_id, id});
}

void RefillRepository::cancel(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                              std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET status = 'cancelled', closed_at = ?, updated_at = ? WHERE "
      "shop_id = ? AND id = ?",
      {now_ms, now_ms, shop_id, id});
}

void RefillRepository::add_event(storage::Connection& c, std::int64_t shop_id,
                                 std::int64_t reminder_id, std::string_view kind,
                                 const std::optional<std::string>& channel,
                                 const std::optional<std::string>& response,
                                 const std::optional<std::string>& note,
                                 std::optional<std::int64_t> staff_id, std::int64_t now_ms) {
  c.query(
      "INSERT INTO refill_reminder_events (shop_id, reminder_id, kind, channel, response, note, "
      "staff_id, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {shop_id, reminder_id, kind, channel, response, note, staff_id, now_ms});
}

}  // namespace rx::refills
