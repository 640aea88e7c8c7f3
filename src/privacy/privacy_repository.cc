#include "privacy/privacy_repository.h"

#include "storage/table.h"

#include <string>

namespace rx::privacy {
namespace {

constexpr storage::Table kConsentEvent(storage::column("id", &ConsentEvent::id),
                                       storage::column("channel", &ConsentEvent::channel),
                                       storage::column("granted", &ConsentEvent::granted),
                                       storage::column("method", &ConsentEvent::method),
                                       storage::column("staff_id", &ConsentEvent::staff_id),
                                       storage::column("note", &ConsentEvent::note),
                                       storage::column("at", &ConsentEvent::at));

constexpr storage::Table kMessage(storage::column("id", &MessageRecord::id),
                                  storage::column("channel", &MessageRecord::channel),
                                  storage::column("to_phone", &MessageRecord::to_phone),
                                  storage::column("template", &MessageRecord::template_name),
                                  storage::column("status", &MessageRecord::status),
                                  storage::column("created_at", &MessageRecord::created_at),
                                  storage::column("sent_at", &MessageRecord::sent_at),
                                  storage::column("delivered_at", &MessageRecord::delivered_at),
                                  storage::column("read_at", &MessageRecord::read_at),
                                  storage::column("failed_at", &MessageRecord::failed_at));

// A list of row ids: the one column of kContactIds and kOpenRefills.
struct RowId {
  std::int64_t id = 0;
};
constexpr storage::Table kRowId(storage::column("id", &RowId::id));

std::vector<std::int64_t> ids_of(storage::Connection& c, std::string_view sql,
                                 const storage::Params& params) {
  return storage::rows_as(c, sql, params,
                          [](const storage::RowView& row) { return kRowId.read(row).id; });
}

const std::string& consent_events_sql() {
  static const std::string sql = "SELECT " + kConsentEvent.select_list() +
                                 " FROM consent_events"
                                 " WHERE shop_id = ? AND customer_id = ? ORDER BY at, id";
  return sql;
}

const std::string& messages_sql() {
  static const std::string sql =
      "SELECT " + kMessage.select_list() +
      " FROM messages WHERE shop_id = ? AND customer_id = ? ORDER BY created_at, id";
  return sql;
}

constexpr std::string_view kContactIds = R"(
SELECT id FROM contact_records WHERE shop_id = ? AND (customer_id = ? OR phone = ?) ORDER BY id)";

constexpr std::string_view kEraseCustomer = R"(
UPDATE customers SET
  phone = ?, name = NULL, age = NULL, birth_year = NULL, gender = NULL, address = NULL,
  email = NULL, allergies = NULL, primary_doctor = NULL, notes = NULL, prefers_generic = FALSE,
  whatsapp_status = 'unknown', whatsapp_status_source = NULL, whatsapp_status_at = NULL,
  whatsapp_consent = FALSE, sms_consent = FALSE, opted_out_at = COALESCE(opted_out_at, ?),
  erased_at = ?, updated_at = ?
WHERE shop_id = ? AND id = ? AND erased_at IS NULL)";

// Conditions go; consent events stay (the proof of what was agreed when) without free text.
// Bills keep their totals and items for the accounts; notes typed at the counter go. Purchases
// and reminders are the medication history: the medicine names go, amounts and dates stay.
constexpr std::string_view kHistorySteps[] = {
    "DELETE FROM customer_conditions WHERE shop_id = ? AND customer_id = ?",
    "UPDATE consent_events SET note = NULL WHERE shop_id = ? AND customer_id = ?",
    "UPDATE bills SET notes = NULL WHERE shop_id = ? AND customer_id = ?",
    "UPDATE customer_purchases SET medicine = '', medicine_key = '' "
    "WHERE shop_id = ? AND customer_id = ?",
    "UPDATE refill_reminder_events SET note = NULL WHERE shop_id = ? AND reminder_id IN "
    "(SELECT id FROM refill_reminders WHERE shop_id = ? AND customer_id = ?)",
};

constexpr std::string_view kBlankRefills = R"(
UPDATE refill_reminders SET medicine = '', medicine_key = '', response_note = NULL, updated_at = ?
WHERE shop_id = ? AND customer_id = ?)";

constexpr std::string_view kOpenRefills = R"(
SELECT id FROM refill_reminders
WHERE shop_id = ? AND customer_id = ? AND status IN ('pending', 'sent', 'responded') ORDER BY id)";

constexpr std::string_view kCancelRefill = R"(
UPDATE refill_reminders SET status = 'cancelled', closed_at = ?, updated_at = ?,
  lapse_risk_ppm = NULL, lapse_risk = NULL
WHERE shop_id = ? AND id = ?)";

constexpr std::string_view kEraseContact = R"(
UPDATE contact_records SET
  phone = ?, name = NULL, extra = NULL, notes = NULL, whatsapp_status = 'unknown',
  whatsapp_status_source = NULL, whatsapp_status_at = NULL, updated_at = ?
WHERE shop_id = ? AND id = ?)";

constexpr std::string_view kEraseInteractions =
    "UPDATE contact_interactions SET notes = NULL WHERE shop_id = ? AND contact_id = ?";

constexpr std::string_view kCloseFollowUps = R"(
UPDATE contact_follow_ups SET note = NULL, done_at = COALESCE(done_at, ?)
WHERE shop_id = ? AND contact_id = ?)";

// Outgoing messages keep channel, template, status and times (what was sent and what it cost);
// the number and the template's parameters (names, medicines) go, and nothing queued or awaiting
// approval is sent.
constexpr std::string_view kStopQueuedMessages = R"(
UPDATE messages SET status = 'failed', error_code = 'erased',
  error_message = 'the customer was erased', failed_at = ?, updated_at = ?
WHERE shop_id = ? AND customer_id = ? AND status IN ('queued', 'awaiting_approval'))";

constexpr std::string_view kEraseMessages = R"(
UPDATE messages SET to_phone = 'erased', parameters = NULL, updated_at = ?
WHERE shop_id = ? AND customer_id = ?)";

// Replies the person sent (WhatsApp or SMS): the number, name and text go; channel, kind, what
// rxtrack did with it and the times stay. Found by the customer, by a contact of theirs, or by
// the number as it came in (with or without the plus).
constexpr std::string_view kEraseInbound = R"(
UPDATE inbound_messages SET from_phone = NULL, from_user_id = NULL, profile_name = NULL,
  body = NULL
WHERE shop_id = ? AND (customer_id = ? OR from_phone = ? OR from_phone = ?))";

constexpr std::string_view kEraseContactInbound = R"(
UPDATE inbound_messages SET from_phone = NULL, from_user_id = NULL, profile_name = NULL,
  body = NULL
WHERE shop_id = ? AND contact_id = ?)";

}  // namespace

std::string erased_customer_phone(std::int64_t customer_id) {
  return "erased:" + std::to_string(customer_id);
}

std::string erased_contact_phone(std::int64_t contact_id) {
  return "erased:contact:" + std::to_string(contact_id);
}

std::vector<ConsentEvent> PrivacyRepository::consent_events(storage::Connection& c,
                                                            std::int64_t shop_id,
                                                            std::int64_t customer_id) {
  return storage::rows_as(c, consent_events_sql(), {shop_id, customer_id},
                          [](const storage::RowView& row) { return kConsentEvent.read(row); });
}

std::vector<MessageRecord> PrivacyRepository::messages(storage::Connection& c, std::int64_t shop_id,
                                                       std::int64_t customer_id) {
  return storage::rows_as(c, messages_sql(), {shop_id, customer_id},
                          [](const storage::RowView& row) { return kMessage.read(row); });
}

std::vector<std::int64_t> PrivacyRepository::contact_ids(storage::Connection& c,
                                                         std::int64_t shop_id,
                                                         std::int64_t customer_id,
                                                         const std::string& phone) {
  return ids_of(c, kContactIds, {shop_id, customer_id, phone});
}

bool PrivacyRepository::erase_customer(storage::Connection& c, std::int64_t shop_id,
                                       std::int64_t customer_id, std::int64_t now_ms) {
  return c.query(kEraseCustomer,
                 {erased_customer_phone(customer_id), now_ms, now_ms, now_ms, shop_id, customer_id})
             .affected == 1;
}

void PrivacyRepository::erase_customer_history(storage::Connection& c, std::int64_t shop_id,
                                               std::int64_t customer_id, std::int64_t now_ms) {
  for (std::string_view step : kHistorySteps) {
    const bool nested = step.find("IN (SELECT") != std::string_view::npos;
    c.query(step, nested ? storage::Params{shop_id, shop_id, customer_id}
                         : storage::Params{shop_id, customer_id});
  }
  c.query(kBlankRefills, {now_ms, shop_id, customer_id});
}

std::vector<std::int64_t> PrivacyRepository::cancel_open_refills(storage::Connection& c,
                                                                 std::int64_t shop_id,
                                                                 std::int64_t customer_id,
                                                                 std::int64_t now_ms) {
  const std::vector<std::int64_t> ids = ids_of(c, kOpenRefills, {shop_id, customer_id});
  for (std::int64_t id : ids) c.query(kCancelRefill, {now_ms, now_ms, shop_id, id});
  return ids;
}

void PrivacyRepository::erase_contact(storage::Connection& c, std::int64_t shop_id,
                                      std::int64_t contact_id, std::int64_t now_ms) {
  c.query(kEraseContact, {erased_contact_phone(contact_id), now_ms, shop_id, contact_id});
  c.query(kEraseInteractions, {shop_id, contact_id});
  c.query(kCloseFollowUps, {now_ms, shop_id, contact_id});
}

void PrivacyRepository::erase_messages(storage::Connection& c, std::int64_t shop_id,
                                       std::int64_t customer_id, std::int64_t now_ms) {
  c.query(kStopQueuedMessages, {now_ms, now_ms, shop_id, customer_id});
  c.query(kEraseMessages, {now_ms, shop_id, customer_id});
}

void PrivacyRepository::erase_inbound_messages(storage::Connection& c, std::int64_t shop_id,
                                               std::int64_t customer_id, const std::string& phone,
                                               const std::vector<std::int64_t>& contact_ids) {
  const std::string digits = !phone.empty() && phone.front() == '+' ? phone.substr(1) : phone;
  c.query(kEraseInbound, {shop_id, customer_id, phone, digits});
  for (std::int64_t id : contact_ids) c.query(kEraseContactInbound, {shop_id, id});
}

std::int64_t PrivacyRepository::bill_count(storage::Connection& c, std::int64_t shop_id,
                                           std::int64_t customer_id) {
  return c.query_int("SELECT COUNT(*) FROM bills WHERE shop_id = ? AND customer_id = ?",
                     {shop_id, customer_id});
}

}  // namespace rx::privacy
