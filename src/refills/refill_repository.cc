#include "refills/refill_repository.h"

#include "storage/conditions.h"
#include "storage/table.h"

#include <algorithm>
#include <utility>

namespace rx::refills {
namespace {

using storage::Codec;
using storage::column;

// The reminder's own columns (alias rr), then what is shown of its customer (alias cu).
constexpr storage::Table kReminderColumns(
    column("id", &RefillReminder::id), column("customer_id", &RefillReminder::customer_id),
    column("purchase_id", &RefillReminder::purchase_id),
    column("bill_id", &RefillReminder::bill_id), column("medicine", &RefillReminder::medicine),
    column("runs_out_on", &RefillReminder::runs_out_on),
    column("remind_on", &RefillReminder::remind_on), column("step", &RefillReminder::step),
    column("steps", &RefillReminder::steps), column("next_step_on", &RefillReminder::next_step_on),
    column("status", &RefillReminder::status),
    column("sent_channel", &RefillReminder::sent_channel),
    column("sent_at", &RefillReminder::sent_at), column("sent_by", &RefillReminder::sent_by),
    column("response", &RefillReminder::response),
    column("response_note", &RefillReminder::response_note),
    column("responded_at", &RefillReminder::responded_at),
    column("refilled_bill_id", &RefillReminder::refilled_bill_id),
    column("closed_at", &RefillReminder::closed_at),
    column("created_at", &RefillReminder::created_at),
    column("lapse_risk", &RefillReminder::lapse_risk));
constexpr storage::Table kCustomerColumns(column("name", &RefillReminder::customer_name),
                                          column("phone", &RefillReminder::customer_phone),
                                          column("whatsapp_status",
                                                 &RefillReminder::whatsapp_status));

const std::string& select_sql() {
  static const std::string sql = "SELECT " + kReminderColumns.select_list("rr.") + ", " +
                                 kCustomerColumns.select_list("cu.") + R"(
FROM refill_reminders rr
JOIN customers cu ON cu.shop_id = rr.shop_id AND cu.id = rr.customer_id)";
  return sql;
}

RefillReminder from_row(const storage::RowView& r) {
  RefillReminder x = kReminderColumns.read(r);
  kCustomerColumns.read_into(x, r, kReminderColumns.size());
  return x;
}

storage::Conditions where(core::ShopId shop, const RefillFilter& f) {
  storage::Conditions w;
  w.add("rr.shop_id = ?", {shop.value()});
  if (f.status) w.add("rr.status = ?", {Codec<RefillStatus>::bind(*f.status)});
  if (f.open_only) w.add("rr.status IN ('pending', 'sent', 'responded')", {});
  if (f.from) w.add("rr.remind_on >= ?", {*f.from});
  if (f.to) w.add("rr.remind_on <= ?", {*f.to});
  if (f.customer_id) w.add("rr.customer_id = ?", {*f.customer_id});
  if (f.medicine)
    w.add("rr.medicine_key LIKE ? ESCAPE '\\'",
          {storage::like_pattern_containing(medicine_key(*f.medicine))});
  // The day's list leaves out a reminder whose WhatsApp message is queued, being sent or awaits
  // approval (it comes back if the message fails or expires unapproved), and every reminder of
  // a customer who asked not to be contacted. Both are few in a shop and read once a request
  // through their indexes (messages_by_status, customers_do_not_contact), rather than looked up
  // for each due reminder: the count reads every due reminder of the shop. COALESCE keeps NULL
  // out of the NOT IN list, where it would hide every row.
  if (f.hide_while_messaging) {
    w.add(
        "rr.customer_id NOT IN (SELECT dnc.id FROM customers dnc WHERE dnc.shop_id = ? AND "
        "dnc.do_not_contact)",
        {shop.value()});
    w.add(
        "rr.id NOT IN (SELECT COALESCE(m.refill_reminder_id, 0) FROM messages m WHERE "
        "m.shop_id = ? AND m.channel = 'whatsapp' AND "
        "m.status IN ('awaiting_approval', 'queued', 'sending'))",
        {shop.value()});
  }
  return w;
}

// A new reminder's row, after its shop_id (NewRefillReminder): a new reminder was last updated
// when it was made.
constexpr storage::Table kNewReminder(column("customer_id", &NewRefillReminder::customer_id),
                                      column("purchase_id", &NewRefillReminder::purchase_id),
                                      column("bill_id", &NewRefillReminder::bill_id),
                                      column("medicine", &NewRefillReminder::medicine),
                                      column("medicine_key", &NewRefillReminder::medicine_key),
                                      column("runs_out_on", &NewRefillReminder::runs_out_on),
                                      column("remind_on", &NewRefillReminder::remind_on),
                                      column("status", &NewRefillReminder::status),
                                      column("step", &NewRefillReminder::step),
                                      column("steps", &NewRefillReminder::steps),
                                      column("step_dates", &NewRefillReminder::step_dates),
                                      column("next_step_on", &NewRefillReminder::next_step_on),
                                      column("created_at", &NewRefillReminder::created_at),
                                      column("updated_at", &NewRefillReminder::created_at));

// A reminder whose next step may be due (steps_due).
constexpr storage::Table kStepDue(storage::column("rr.id", &StepDue::id),
                                  storage::column("rr.step", &StepDue::step),
                                  storage::column("rr.step_dates", &StepDue::step_dates));

}  // namespace

NewRefillReminder new_refill_reminder(std::int64_t customer_id, std::int64_t purchase_id,
                                      std::int64_t bill_id, std::string medicine, std::string key,
                                      std::string runs_out_on, std::vector<std::string> step_dates,
                                      std::int64_t now_ms) {
  NewRefillReminder r;
  r.customer_id = customer_id;
  r.purchase_id = purchase_id;
  r.bill_id = bill_id;
  r.medicine = std::move(medicine);
  r.medicine_key = std::move(key);
  r.runs_out_on = std::move(runs_out_on);
  r.remind_on = step_dates.front();
  r.steps = static_cast<std::int64_t>(step_dates.size());
  if (step_dates.size() > 1) {
    r.next_step_on = step_dates[1];
    r.step_dates = std::move(step_dates);
  }
  r.created_at = now_ms;
  return r;
}

core::RefillReminderId RefillRepository::insert(storage::Connection& c, core::ShopId shop,
                                                const NewRefillReminder& r) {
  static const std::string sql = "INSERT INTO refill_reminders (shop_id, " +
                                 kNewReminder.select_list() + ") VALUES (?, " +
                                 kNewReminder.placeholders() + ")";
  storage::Params params;
  params.reserve(1 + kNewReminder.size());
  params.emplace_back(shop.value());
  kNewReminder.bind(r, params);
  return core::RefillReminderId(c.insert_returning_id(sql, params));
}

RefillReminder RefillRepository::as_inserted(core::RefillReminderId id, NewRefillReminder r,
                                             std::optional<std::string> customer_name,
                                             std::string customer_phone,
                                             std::string whatsapp_status) {
  RefillReminder out;
  out.id = id.value();
  out.customer_id = r.customer_id;
  out.customer_name = std::move(customer_name);
  out.customer_phone = std::move(customer_phone);
  out.whatsapp_status = std::move(whatsapp_status);
  out.purchase_id = r.purchase_id;
  out.bill_id = r.bill_id;
  out.medicine = std::move(r.medicine);
  out.runs_out_on = std::move(r.runs_out_on);
  out.remind_on = std::move(r.remind_on);
  out.status = r.status;
  out.step = r.step;
  out.steps = r.steps;
  out.next_step_on = std::move(r.next_step_on);
  out.created_at = r.created_at;
  return out;
}

std::vector<std::int64_t> RefillRepository::close_as_refilled(
    storage::Connection& c, core::ShopId shop, core::CustomerId customer, const std::string& key,
    core::BillId bill, std::int64_t now_ms) {
  const std::vector<core::RefillReminderId> ids = storage::rows_as(
      c,
      "SELECT id FROM refill_reminders WHERE shop_id = ? AND customer_id = ? AND "
      "medicine_key = ? AND status IN ('pending', 'sent', 'responded')",
      {shop.value(), customer.value(), key},
      [](const storage::RowView& r) { return Codec<core::RefillReminderId>::read(r, 0); });
  std::vector<std::int64_t> closed;
  closed.reserve(ids.size());
  for (core::RefillReminderId id : ids) {
    c.query(
        "UPDATE refill_reminders SET status = 'refilled', refilled_bill_id = ?, closed_at = ?, "
        "updated_at = ?, lapse_risk_ppm = NULL, lapse_risk = NULL "
        "WHERE shop_id = ? AND id = ?",
        {bill.value(), now_ms, now_ms, shop.value(), id.value()});
    add_event(c, shop, id, "refilled", std::nullopt, std::nullopt, std::nullopt, std::nullopt,
              now_ms);
    closed.push_back(id.value());
  }
  return closed;
}

std::vector<StepDue> RefillRepository::steps_due(storage::Connection& c, core::ShopId shop,
                                                 const std::string& today, std::int64_t limit) {
  return storage::rows_as(c, "SELECT " + kStepDue.select_list() + R"( FROM refill_reminders rr
JOIN customers cu ON cu.shop_id = rr.shop_id AND cu.id = rr.customer_id
WHERE rr.shop_id = ? AND rr.next_step_on IS NOT NULL AND rr.next_step_on <= ?
  AND rr.status IN ('pending', 'sent')
  AND cu.opted_out_at IS NULL AND cu.erased_at IS NULL AND NOT cu.do_not_contact
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id
                  AND m.refill_reminder_id = rr.id
                  AND m.status IN ('awaiting_approval', 'queued', 'sending'))
ORDER BY rr.next_step_on, rr.id LIMIT ?)",
                          {shop.value(), today, limit},
                          [](const storage::RowView& r) { return kStepDue.read(r); });
}

bool RefillRepository::start_step(storage::Connection& c, core::ShopId shop, const StepDue& due,
                                  const std::string& today, std::int64_t now_ms) {
  const auto& dates = due.step_dates;
  std::size_t step = static_cast<std::size_t>(due.step);
  while (step < dates.size() && dates[step] <= today) ++step;
  if (step == static_cast<std::size_t>(due.step)) return false;
  const storage::Value next = step < dates.size() ? storage::Value(dates[step]) : storage::Value();
  return c.query(
              "UPDATE refill_reminders SET step = ?, next_step_on = ?, status = 'pending', "
              "updated_at = ? WHERE shop_id = ? AND id = ? AND step = ? AND "
              "status IN ('pending', 'sent')",
              {static_cast<std::int64_t>(step), next, now_ms, shop.value(), due.id.value(),
               due.step})
             .affected == 1;
}

std::optional<RefillReminder> RefillRepository::find(storage::Connection& c, core::ShopId shop,
                                                     core::RefillReminderId id) {
  return storage::first_row_as(
      c, storage::join_sql(select_sql(), " WHERE rr.shop_id = ? AND rr.id = ?"),
      {shop.value(), id.value()}, from_row);
}

std::vector<RefillReminder> RefillRepository::list(storage::Connection& c, core::ShopId shop,
                                                   const RefillFilter& filter, std::int64_t limit,
                                                   std::int64_t offset, RefillSort sort) {
  const auto [sql, params] = list_statement(shop, filter, limit, offset, sort);
  return storage::rows_as(c, sql, params, from_row);
}

std::pair<std::string, storage::Params> RefillRepository::list_statement(core::ShopId shop,
                                                                         const RefillFilter& filter,
                                                                         std::int64_t limit,
                                                                         std::int64_t offset,
                                                                         RefillSort sort) {
  storage::Conditions w = where(shop, filter);
  // kRisk reads refill_reminders_by_risk (shop_id, lapse_risk_ppm DESC, remind_on, id).
  const char* order = sort == RefillSort::kRisk
                          ? " ORDER BY rr.lapse_risk_ppm DESC NULLS LAST, rr.remind_on, rr.id"
                          : " ORDER BY rr.remind_on, rr.id";
  return {select_sql() + w.sql() + order + " LIMIT ? OFFSET ?", w.params_with({limit, offset})};
}

std::int64_t RefillRepository::count(storage::Connection& c, core::ShopId shop,
                                     const RefillFilter& filter) {
  storage::Conditions w = where(shop, filter);
  return c.query_int("SELECT COUNT(*) FROM refill_reminders rr" + w.sql(), w.params());
}

std::optional<RefillReminder> RefillRepository::latest_open_for_customer(
    storage::Connection& c, core::ShopId shop, core::CustomerId customer) {
  return storage::first_row_as(
      c,
      storage::join_sql(select_sql(),
                        " WHERE rr.shop_id = ? AND rr.customer_id = ? AND "
                        "rr.status IN ('pending', 'sent', 'responded') "
                        "ORDER BY CASE WHEN rr.sent_at IS NULL THEN 1 ELSE 0 END, "
                        "rr.sent_at DESC, rr.id DESC LIMIT 1"),
      {shop.value(), customer.value()}, from_row);
}

void RefillRepository::mark_sent(storage::Connection& c, core::ShopId shop,
                                 core::RefillReminderId id, RefillChannel channel,
                                 std::optional<core::StaffId> staff, std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET status = CASE WHEN status = 'pending' THEN 'sent' ELSE status "
      "END, "
      "sent_channel = ?, sent_at = ?, sent_by = ?, updated_at = ? WHERE shop_id = ? AND id = ?",
      {Codec<RefillChannel>::bind(channel), now_ms,
       Codec<std::optional<core::StaffId>>::bind(staff), now_ms, shop.value(), id.value()});
}

void RefillRepository::record_response(storage::Connection& c, core::ShopId shop,
                                       core::RefillReminderId id, RefillResponse response,
                                       const std::optional<std::string>& note,
                                       std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET status = 'responded', response = ?, response_note = ?, "
      "responded_at = ?, lapse_risk_ppm = NULL, lapse_risk = NULL, "
      "updated_at = ? WHERE shop_id = ? AND id = ?",
      {Codec<RefillResponse>::bind(response), note, now_ms, now_ms, shop.value(), id.value()});
}

void RefillRepository::stop_steps(storage::Connection& c, core::ShopId shop,
                                  core::RefillReminderId id, std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET next_step_on = NULL, updated_at = ? WHERE shop_id = ? AND "
      "id = ?",
      {now_ms, shop.value(), id.value()});
}

void RefillRepository::cancel(storage::Connection& c, core::ShopId shop, core::RefillReminderId id,
                              std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET status = 'cancelled', closed_at = ?, updated_at = ?, "
      "lapse_risk_ppm = NULL, lapse_risk = NULL WHERE shop_id = ? AND id = ?",
      {now_ms, now_ms, shop.value(), id.value()});
}

void RefillRepository::add_event(storage::Connection& c, core::ShopId shop,
                                 core::RefillReminderId id, std::string_view kind,
                                 std::optional<RefillChannel> channel,
                                 std::optional<RefillResponse> response,
                                 const std::optional<std::string>& note,
                                 std::optional<core::StaffId> staff, std::int64_t now_ms) {
  c.query(
      "INSERT INTO refill_reminder_events (shop_id, reminder_id, kind, channel, response, note, "
      "staff_id, at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
      {shop.value(), id.value(), kind, Codec<std::optional<RefillChannel>>::bind(channel),
       Codec<std::optional<RefillResponse>>::bind(response), note,
       Codec<std::optional<core::StaffId>>::bind(staff), now_ms});
}

}  // namespace rx::refills
