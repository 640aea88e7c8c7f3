#include "messaging/outreach_repository.h"

namespace rx::messaging {
namespace {

constexpr std::string_view kDueSelect = R"(
SELECT rr.id, rr.customer_id, rr.medicine, rr.runs_out_on, cu.phone, cu.name, cu.whatsapp_consent,
       cu.sms_consent, cu.whatsapp_status,
       EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id
               AND m.refill_reminder_id = rr.id AND m.channel = 'whatsapp'),
       EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id
               AND m.refill_reminder_id = rr.id AND m.channel = 'sms')
FROM refill_reminders rr
JOIN customers cu ON cu.shop_id = rr.shop_id AND cu.id = rr.customer_id
WHERE rr.shop_id = ? AND rr.status = 'pending' AND rr.remind_on <= ?
  AND cu.opted_out_at IS NULL AND cu.erased_at IS NULL
  AND (cu.whatsapp_consent OR cu.sms_consent)
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id
                  AND m.refill_reminder_id = rr.id
                  AND (m.status IN ('queued', 'sending', 'sent', 'delivered', 'read')
                       OR m.error_code = 'interrupted')))";

// While a WhatsApp message for a reminder is queued or being sent, the reminder is off the call
// list; the refill list (RefillRepository) applies the same rule.
constexpr std::string_view kCallListSize = R"(
SELECT COUNT(*) FROM refill_reminders rr
WHERE rr.shop_id = ? AND rr.status = 'pending' AND rr.remind_on <= ?
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id
                  AND m.refill_reminder_id = rr.id AND m.channel = 'whatsapp'
                  AND m.status IN ('queued', 'sending')))";

DueReminder due_from_row(const storage::Row& r) {
  DueReminder d;
  d.reminder_id = r.int_at(0);
  d.customer_id = r.int_at(1);
  d.medicine = r.text_at(2);
  d.runs_out_on = r.text_at(3);
  d.phone = r.text_at(4);
  d.customer_name = r[5].as_opt_text();
  d.whatsapp_consent = r.bool_at(6);
  d.sms_consent = r.bool_at(7);
  d.whatsapp_status = r.text_at(8);
  d.had_whatsapp = r.bool_at(9);
  d.had_sms = r.bool_at(10);
  return d;
}

}  // namespace

std::vector<ShopClock> OutreachRepository::shops(storage::Connection& c) {
  std::vector<ShopClock> out;
  for (const auto& r : c.query("SELECT id, name, time_zone FROM shops ORDER BY id").rows) {
    out.push_back(ShopClock{r.int_at(0), r.text_at(1), r.text_at(2)});
  }
  return out;
}

std::vector<DueReminder> OutreachRepository::due_candidates(storage::Connection& c,
                                                            std::int64_t shop_id,
                                                            const std::string& today,
                                                            std::int64_t limit) {
  std::vector<DueReminder> out;
  for (const auto& r : c.query(std::string(kDueSelect) + " ORDER BY rr.remind_on, rr.id LIMIT ?",
                               {shop_id, today, limit})
                           .rows) {
    out.push_back(due_from_row(r));
  }
  return out;
}

std::optional<DueReminder> OutreachRepository::due_candidate(storage::Connection& c,
                                                             std::int64_t shop_id,
                                                             std::int64_t reminder_id,
                                                             const std::string& today) {
  auto row = c.query_one(std::string(kDueSelect) + " AND rr.id = ?", {shop_id, today, reminder_id});
  if (!row) return std::nullopt;
  return due_from_row(*row);
}

std::int64_t OutreachRepository::call_list_size(storage::Connection& c, std::int64_t shop_id,
                                                const std::string& today) {
  return c.query_int(kCallListSize, {shop_id, today});
}

Reachability OutreachRepository::reachability(storage::Connection& c, std::int64_t shop_id,
                                              std::int64_t customer_id,
                                              std::optional<std::int64_t> reminder_id) {
  Reachability out;
  auto row = c.query_one(
      "SELECT cu.whatsapp_consent, cu.sms_consent, cu.opted_out_at, "
      "(SELECT rr.status FROM refill_reminders rr WHERE rr.shop_id = cu.shop_id AND rr.id = ?) "
      "FROM customers cu WHERE cu.shop_id = ? AND cu.id = ?",
      {reminder_id, shop_id, customer_id});
  if (!row) {
    out.opted_out = true;  // no such customer: nobody to message
    return out;
  }
  out.whatsapp_consent = row->bool_at(0);
  out.sms_consent = row->bool_at(1);
  out.opted_out = !(*row)[2].is_null();
  out.reminder_status = row->text_at(3);
  return out;
}

void OutreachRepository::set_whatsapp_status(storage::Connection& c, std::int64_t shop_id,
                                             std::int64_t customer_id, std::string_view status,
                                             std::string_view source, std::int64_t now_ms) {
  c.query(
      "UPDATE customers SET whatsapp_status = ?, whatsapp_status_source = ?, "
      "whatsapp_status_at = ?, updated_at = ? WHERE shop_id = ? AND id = ? AND "
      "whatsapp_status <> ?",
      {status, source, now_ms, now_ms, shop_id, customer_id, status});
  c.query(
      "UPDATE contact_records SET whatsapp_status = ?, whatsapp_status_source = ?, "
      "whatsapp_status_at = ?, updated_at = ? WHERE shop_id = ? AND whatsapp_status <> ? AND "
      "phone = (SELECT cu.phone FROM customers cu WHERE cu.shop_id = ? AND cu.id = ?)",
      {status, source, now_ms, now_ms, shop_id, status, shop_id, customer_id});
}

void OutreachRepository::reopen_whatsapp_reminder(storage::Connection& c, std::int64_t shop_id,
                                                  std::int64_t reminder_id, std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET status = 'pending', sent_channel = NULL, sent_at = NULL, "
      "sent_by = NULL, updated_at = ? "
      "WHERE shop_id = ? AND id = ? AND status = 'sent' AND sent_channel = 'whatsapp'",
      {now_ms, shop_id, reminder_id});
}

}  // namespace rx::messaging
