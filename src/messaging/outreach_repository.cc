#include "messaging/outreach_repository.h"

#include "storage/table.h"

namespace rx::messaging {
namespace {

using storage::Codec;
using storage::column;

constexpr storage::Table kShopColumns(column("id", &ShopClock::id),
                                      column("name", &ShopClock::name),
                                      column("time_zone", &ShopClock::time_zone),
                                      column("outreach_approval", &ShopClock::outreach_approval));

// A due reminder's columns are expressions over rr (the reminder) and cu (its customer).
constexpr storage::Table kDueColumns(column("rr.id", &DueReminder::reminder_id),
                                     column("rr.customer_id", &DueReminder::customer_id),
                                     column("rr.step", &DueReminder::step),
                                     column("rr.medicine", &DueReminder::medicine),
                                     column("rr.runs_out_on", &DueReminder::runs_out_on),
                                     column("cu.phone", &DueReminder::phone),
                                     column("cu.name", &DueReminder::customer_name));
constexpr storage::Table kDueConsent(column("cu.whatsapp_consent", &ChannelConsent::whatsapp),
                                     column("cu.sms_consent", &ChannelConsent::sms));
constexpr storage::Table kDueHistory(
    column("cu.whatsapp_status = 'inactive'", &DueReminder::whatsapp_inactive),
    column(
        "EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id\n"
        "               AND m.refill_reminder_id = rr.id AND COALESCE(m.refill_step, 1) = rr.step\n"
        "               AND m.channel = 'whatsapp')",
        &DueReminder::had_whatsapp),
    column(
        "EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id\n"
        "               AND m.refill_reminder_id = rr.id AND COALESCE(m.refill_step, 1) = rr.step\n"
        "               AND m.channel = 'sms')",
        &DueReminder::had_sms));

const std::string& due_select() {
  static const std::string sql = "SELECT " + kDueColumns.select_list() + ", " +
                                 kDueConsent.select_list() + ", " + kDueHistory.select_list() +
                                 R"(
FROM refill_reminders rr
JOIN customers cu ON cu.shop_id = rr.shop_id AND cu.id = rr.customer_id
WHERE rr.shop_id = ? AND rr.status = 'pending' AND rr.remind_on <= ?
  AND cu.opted_out_at IS NULL AND cu.erased_at IS NULL AND NOT cu.do_not_contact
  AND (cu.whatsapp_consent OR cu.sms_consent)
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id
                  AND m.refill_reminder_id = rr.id AND COALESCE(m.refill_step, 1) = rr.step
                  AND (m.status IN ('queued', 'sending', 'sent', 'delivered', 'read',
                                    'awaiting_approval', 'expired')
                       OR m.error_code = 'interrupted')))";
  return sql;
}

// While a WhatsApp message for a reminder is awaiting approval, queued or being sent, the
// reminder is off the call list; the refill list (RefillRepository) applies the same rule.
constexpr std::string_view kCallListSize = R"(
SELECT COUNT(*) FROM refill_reminders rr
WHERE rr.shop_id = ? AND rr.status = 'pending' AND rr.remind_on <= ?
  AND NOT EXISTS (SELECT 1 FROM customers cu WHERE cu.shop_id = rr.shop_id
                  AND cu.id = rr.customer_id AND cu.do_not_contact)
  AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.shop_id = rr.shop_id
                  AND m.refill_reminder_id = rr.id AND m.channel = 'whatsapp'
                  AND m.status IN ('awaiting_approval', 'queued', 'sending')))";

DueReminder due_from_row(const storage::RowView& r) {
  DueReminder d = kDueColumns.read(r);
  std::size_t next = kDueColumns.size();
  kDueConsent.read_into(d.consent, r, next);
  next += kDueConsent.size();
  kDueHistory.read_into(d, r, next);
  return d;
}

// The customer's consent and opt-out, and the status of the message's reminder (NULL when it
// has none).
struct ReachRow {
  ChannelConsent consent;
  std::optional<std::int64_t> opted_out_at;
  bool do_not_contact = false;
  std::optional<refills::RefillStatus> reminder_status;
};
constexpr storage::Table kReachConsent(column("cu.whatsapp_consent", &ChannelConsent::whatsapp),
                                       column("cu.sms_consent", &ChannelConsent::sms));
constexpr storage::Table kReachRest(
    column("cu.opted_out_at", &ReachRow::opted_out_at),
    column("cu.do_not_contact", &ReachRow::do_not_contact),
    column("(SELECT rr.status FROM refill_reminders rr WHERE rr.shop_id = cu.shop_id AND "
           "rr.id = ?)",
           &ReachRow::reminder_status));

}  // namespace

std::vector<ShopClock> OutreachRepository::shops(storage::Connection& c) {
  static const std::string sql = "SELECT " + kShopColumns.select_list() + " FROM shops ORDER BY id";
  return storage::rows_as(c, sql, {},
                          [](const storage::RowView& r) { return kShopColumns.read(r); });
}

std::vector<DueReminder> OutreachRepository::due_candidates(storage::Connection& c,
                                                            core::ShopId shop,
                                                            const std::string& today,
                                                            std::int64_t limit) {
  return storage::rows_as(c, due_select() + " ORDER BY rr.remind_on, rr.id LIMIT ?",
                          {shop.value(), today, limit}, due_from_row);
}

std::optional<DueReminder> OutreachRepository::due_candidate(storage::Connection& c,
                                                             core::ShopId shop,
                                                             core::RefillReminderId reminder,
                                                             const std::string& today) {
  return storage::first_row_as(c, due_select() + " AND rr.id = ?",
                               {shop.value(), today, reminder.value()}, due_from_row);
}

std::int64_t OutreachRepository::call_list_size(storage::Connection& c, core::ShopId shop,
                                                const std::string& today) {
  return c.query_int(kCallListSize, {shop.value(), today});
}

Reachability OutreachRepository::reachability(storage::Connection& c, core::ShopId shop,
                                              core::CustomerId customer,
                                              std::optional<core::RefillReminderId> reminder) {
  static const std::string sql = "SELECT " + kReachConsent.select_list() + ", " +
                                 kReachRest.select_list() +
                                 " FROM customers cu WHERE cu.shop_id = ? AND cu.id = ?";
  const auto row =
      storage::first_row_as(c, sql,
                            {Codec<std::optional<core::RefillReminderId>>::bind(reminder),
                             shop.value(), customer.value()},
                            [](const storage::RowView& r) {
                              ReachRow out;
                              kReachConsent.read_into(out.consent, r);
                              kReachRest.read_into(out, r, kReachConsent.size());
                              return out;
                            });
  Reachability out;
  if (!row) {
    out.opted_out = true;  // no such customer: nobody to message
    return out;
  }
  out.consent = row->consent;
  // Asked not to be contacted: as good as opted out, for every message.
  out.opted_out = row->opted_out_at.has_value() || row->do_not_contact;
  out.reminder_status = row->reminder_status;
  return out;
}

void OutreachRepository::set_whatsapp_status(storage::Connection& c, core::ShopId shop,
                                             core::CustomerId customer, std::string_view status,
                                             std::string_view source, std::int64_t now_ms) {
  c.query(
      "UPDATE customers SET whatsapp_status = ?, whatsapp_status_source = ?, "
      "whatsapp_status_at = ?, updated_at = ? WHERE shop_id = ? AND id = ? AND "
      "whatsapp_status <> ?",
      {status, source, now_ms, now_ms, shop.value(), customer.value(), status});
  c.query(
      "UPDATE contact_records SET whatsapp_status = ?, whatsapp_status_source = ?, "
      "whatsapp_status_at = ?, updated_at = ? WHERE shop_id = ? AND whatsapp_status <> ? AND "
      "phone = (SELECT cu.phone FROM customers cu WHERE cu.shop_id = ? AND cu.id = ?)",
      {status, source, now_ms, now_ms, shop.value(), status, shop.value(), customer.value()});
}

void OutreachRepository::reopen_whatsapp_reminder(storage::Connection& c, core::ShopId shop,
                                                  core::RefillReminderId reminder,
                                                  std::int64_t now_ms) {
  c.query(
      "UPDATE refill_reminders SET status = 'pending', sent_channel = NULL, sent_at = NULL, "
      "sent_by = NULL, updated_at = ? "
      "WHERE shop_id = ? AND id = ? AND status = 'sent' AND sent_channel = 'whatsapp'",
      {now_ms, shop.value(), reminder.value()});
}

}  // namespace rx::messaging
