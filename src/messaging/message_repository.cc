#include "messaging/message_repository.h"

#include "storage/conditions.h"
#include "storage/table.h"

#include <fmt/format.h>

namespace rx::messaging {
namespace {

using storage::Codec;
using storage::column;

constexpr storage::Table kMessageColumns(
    column("id", &Message::id), column("customer_id", &Message::customer_id),
    column("refill_reminder_id", &Message::refill_reminder_id),
    column("channel", &Message::channel), column("to_phone", &Message::to_phone),
    column("template", &Message::template_name), column("parameters", &Message::parameters),
    column("idempotency_key", &Message::idempotency_key), column("status", &Message::status),
    column("attempts", &Message::attempts), column("next_attempt_at", &Message::next_attempt_at),
    column("claimed_by", &Message::claimed_by), column("claimed_at", &Message::claimed_at),
    column("provider_message_id", &Message::provider_message_id),
    column("error_code", &Message::error_code), column("error_message", &Message::error_message),
    column("created_at", &Message::created_at), column("sent_at", &Message::sent_at),
    column("delivered_at", &Message::delivered_at), column("read_at", &Message::read_at),
    column("failed_at", &Message::failed_at), column("planned_for", &Message::planned_for));

// The column list, unqualified: for RETURNING and single-table SELECTs.
const std::string& columns() {
  static const std::string list = kMessageColumns.select_list();
  return list;
}

Message message_from_row(const storage::RowView& r) { return kMessageColumns.read(r); }

// A row of the list: the message, then its customer's name.
Message listed_message_from_row(const storage::RowView& r) {
  Message m = kMessageColumns.read(r);
  m.customer_name = Codec<std::optional<std::string>>::read(r, kMessageColumns.size());
  return m;
}

std::vector<Message> all_rows(storage::Connection& c, std::string_view sql,
                              const storage::Params& params) {
  return storage::rows_as(c, sql, params, message_from_row);
}

std::optional<Message> first_row(storage::Connection& c, std::string_view sql,
                                 const storage::Params& params) {
  return storage::first_row_as(c, sql, params, message_from_row);
}

// How far along a status is; a provider's report only ever moves a row forward.
constexpr std::string_view kStatusRank =
    "(CASE status WHEN 'queued' THEN 0 WHEN 'sending' THEN 1 WHEN 'sent' THEN 2 "
    "WHEN 'failed' THEN 3 WHEN 'delivered' THEN 4 ELSE 5 END)";

int rank_of(MessageStatus status) {
  switch (status) {
    case MessageStatus::kQueued:
    case MessageStatus::kSending:
    case MessageStatus::kAwaitingApproval:
    case MessageStatus::kExpired:
      return 0;  // no provider reports these
    case MessageStatus::kSent:
      return 2;
    case MessageStatus::kFailed:
      return 3;
    case MessageStatus::kDelivered:
      return 4;
    case MessageStatus::kRead:
      return 5;
  }
  return 0;
}

storage::Conditions where(core::ShopId shop, const MessageFilter& f) {
  storage::Conditions w;
  w.add("m.shop_id = ?", {shop.value()});
  if (f.status) w.add("m.status = ?", {Codec<MessageStatus>::bind(*f.status)});
  if (f.channel) w.add("m.channel = ?", {Codec<MessageChannel>::bind(*f.channel)});
  if (f.customer_id) w.add("m.customer_id = ?", {*f.customer_id});
  if (f.reminder_id) w.add("m.refill_reminder_id = ?", {*f.reminder_id});
  if (f.created_from) w.add("m.created_at >= ?", {*f.created_from});
  if (f.created_until) w.add("m.created_at < ?", {*f.created_until});
  return w;
}

// Approval is a conditional update: a row moves only while it still awaits approval, so an
// approval and the expiry racing for one row never both take it.
constexpr std::string_view kApprove =
    "UPDATE messages SET status = 'queued', next_attempt_at = NULL, updated_at = ? "
    "WHERE shop_id = ? AND status = 'awaiting_approval'";

core::MessageId message_id_from_row(const storage::RowView& r) {
  return Codec<core::MessageId>::read(r, 0);
}

// "?, ?, ?" for an IN list of `n` values (n >= 1).
std::string placeholders(std::size_t n) {
  std::string out = "?";
  for (std::size_t i = 1; i < n; ++i) out += ", ?";
  return out;
}

}  // namespace

std::string reminder_message_key(core::RefillReminderId reminder, std::int64_t step,
                                 MessageChannel channel) {
  return fmt::format("reminder:{}:{}:{}", reminder.value(), step, core::enum_name(channel));
}

std::optional<core::MessageId> MessageRepository::enqueue(storage::Connection& c, core::ShopId shop,
                                                          const NewMessage& m,
                                                          std::int64_t now_ms) {
  return storage::first_row_as(
      c, R"(
INSERT INTO messages (shop_id, customer_id, refill_reminder_id, refill_step, channel, to_phone,
                      template, parameters, idempotency_key, status, attempts, planned_for,
                      created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
ON CONFLICT (shop_id, idempotency_key) DO NOTHING RETURNING id)",
      {shop.value(), m.customer_id, m.refill_reminder_id, m.refill_step,
       Codec<MessageChannel>::bind(m.channel), m.to_phone, m.template_name, m.parameters,
       m.idempotency_key, Codec<MessageStatus>::bind(m.status), m.planned_for, now_ms, now_ms},
      [](const storage::RowView& r) { return Codec<core::MessageId>::read(r, 0); });
}

std::vector<Message> MessageRepository::claim(storage::Connection& c, core::ShopId shop,
                                              const std::string& worker, std::int64_t now_ms,
                                              std::int64_t limit, std::int64_t planned_before) {
  const std::string_view lock =
      c.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : "";
  const std::string sql = fmt::format(R"(
UPDATE messages SET status = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1,
                    updated_at = ?
WHERE shop_id = ? AND status = 'queued' AND id IN (
  SELECT id FROM messages
  WHERE shop_id = ? AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
    AND (planned_for IS NULL OR planned_for <= ?)
  ORDER BY id LIMIT ?{})
RETURNING {})",
                                      lock, columns());
  return all_rows(
      c, sql, {worker, now_ms, now_ms, shop.value(), shop.value(), now_ms, planned_before, limit});
}

std::vector<Message> MessageRepository::fail_abandoned(storage::Connection& c, core::ShopId shop,
                                                       std::int64_t claimed_before,
                                                       std::int64_t now_ms) {
  const std::string sql = fmt::format(R"(
UPDATE messages SET status = 'failed', error_code = 'interrupted',
                    error_message = 'the sender stopped between claiming and sending; not resent',
                    failed_at = ?, updated_at = ?
WHERE shop_id = ? AND status = 'sending' AND claimed_at < ?
RETURNING {})",
                                      columns());
  return all_rows(c, sql, {now_ms, now_ms, shop.value(), claimed_before});
}

bool MessageRepository::record_sent(storage::Connection& c, core::ShopId shop, core::MessageId id,
                                    const std::string& worker,
                                    const std::string& provider_message_id, std::int64_t now_ms) {
  return c.query(R"(
UPDATE messages SET status = 'sent', provider_message_id = ?, sent_at = ?, next_attempt_at = NULL,
                    error_code = NULL, error_message = NULL, failed_at = NULL, updated_at = ?
WHERE shop_id = ? AND id = ? AND claimed_by = ?
  AND (status = 'sending' OR (status = 'failed' AND error_code = 'interrupted')))",
                 {provider_message_id, now_ms, now_ms, shop.value(), id.value(), worker})
             .affected == 1;
}

void MessageRepository::record_retry(storage::Connection& c, core::ShopId shop, core::MessageId id,
                                     std::int64_t next_attempt_at, const std::string& error_code,
                                     const std::string& error_message, std::int64_t now_ms) {
  c.query(R"(
UPDATE messages SET status = 'queued', next_attempt_at = ?, error_code = ?, error_message = ?,
                    updated_at = ?
WHERE shop_id = ? AND id = ? AND status = 'sending')",
          {next_attempt_at, error_code, error_message, now_ms, shop.value(), id.value()});
}

void MessageRepository::record_failed(storage::Connection& c, core::ShopId shop, core::MessageId id,
                                      const std::string& error_code,
                                      const std::string& error_message, std::int64_t now_ms) {
  c.query(R"(
UPDATE messages SET status = 'failed', next_attempt_at = NULL, error_code = ?, error_message = ?,
                    failed_at = ?, updated_at = ?
WHERE shop_id = ? AND id = ? AND status IN ('queued', 'sending'))",
          {error_code, error_message, now_ms, now_ms, shop.value(), id.value()});
}

void MessageRepository::cancel_queued(storage::Connection& c, core::ShopId shop,
                                      core::CustomerId customer,
                                      std::optional<MessageChannel> channel,
                                      std::string_view reason, std::int64_t now_ms) {
  // A NULL channel matches every channel.
  c.query(
      "UPDATE messages SET status = 'failed', next_attempt_at = NULL, error_code = ?, "
      "error_message = NULL, failed_at = ?, updated_at = ? "
      "WHERE shop_id = ? AND customer_id = ? AND status IN ('queued', 'awaiting_approval') "
      "AND channel = COALESCE(?, channel)",
      {reason, now_ms, now_ms, shop.value(), customer.value(),
       Codec<std::optional<MessageChannel>>::bind(channel)});
}

std::optional<Message> MessageRepository::apply_provider_status(
    storage::Connection& c, core::ShopId shop, const std::string& provider_message_id,
    MessageStatus status, std::int64_t at_ms, const std::optional<std::string>& error_code,
    const std::optional<std::string>& error_message, std::int64_t now_ms) {
  const int rank = rank_of(status);
  if (rank == 0) return std::nullopt;
  // Each status stamps its own time; read implies delivered.
  std::string_view set;
  storage::Params params;
  switch (status) {
    case MessageStatus::kQueued:
    case MessageStatus::kSending:
    case MessageStatus::kAwaitingApproval:
    case MessageStatus::kExpired:
      return std::nullopt;  // not a provider's report (rank 0 above)
    case MessageStatus::kSent:
      set = "status = 'sent', sent_at = COALESCE(sent_at, ?)";
      params = {at_ms, now_ms, shop.value(), provider_message_id, rank};
      break;
    case MessageStatus::kDelivered:
      set = "status = 'delivered', delivered_at = COALESCE(delivered_at, ?)";
      params = {at_ms, now_ms, shop.value(), provider_message_id, rank};
      break;
    case MessageStatus::kRead:
      set =
          "status = 'read', delivered_at = COALESCE(delivered_at, ?), read_at = COALESCE(read_at, "
          "?)";
      params = {at_ms, at_ms, now_ms, shop.value(), provider_message_id, rank};
      break;
    case MessageStatus::kFailed:
      set = "status = 'failed', failed_at = ?, error_code = ?, error_message = ?";
      params = {at_ms, error_code, error_message, now_ms, shop.value(), provider_message_id, rank};
      break;
  }
  const std::string sql = fmt::format(
      "UPDATE messages SET {}, updated_at = ? WHERE shop_id = ? AND channel = 'whatsapp' AND "
      "provider_message_id = ? AND {} < ? RETURNING {}",
      set, kStatusRank, columns());
  return first_row(c, sql, params);
}

std::optional<Message> MessageRepository::requeue_failed(storage::Connection& c, core::ShopId shop,
                                                         core::MessageId id, std::int64_t now_ms) {
  const std::string sql = fmt::format(R"(
UPDATE messages SET status = 'queued', next_attempt_at = ?, error_code = NULL,
                    error_message = NULL, failed_at = NULL, claimed_by = NULL, claimed_at = NULL,
                    updated_at = ?
WHERE shop_id = ? AND id = ? AND status = 'failed'
RETURNING {})",
                                      columns());
  return first_row(c, sql, {now_ms, now_ms, shop.value(), id.value()});
}

core::MessageId MessageRepository::insert_claimed(storage::Connection& c, core::ShopId shop,
                                                  const NewMessage& m, const std::string& worker,
                                                  std::int64_t now_ms) {
  return core::MessageId(c.insert_returning_id(
      R"(
INSERT INTO messages (shop_id, channel, to_phone, template, parameters, idempotency_key, status,
                      attempts, claimed_by, claimed_at, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, 'sending', 1, ?, ?, ?, ?))",
      {shop.value(), Codec<MessageChannel>::bind(m.channel), m.to_phone, m.template_name,
       m.parameters, m.idempotency_key, worker, now_ms, now_ms, now_ms}));
}

std::vector<std::pair<MessageStatus, std::int64_t>> MessageRepository::count_by_status(
    storage::Connection& c, core::ShopId shop, std::int64_t from, std::int64_t until) {
  return storage::rows_as(
      c,
      "SELECT status, COUNT(*) FROM messages WHERE shop_id = ? AND "
      "created_at >= ? AND created_at < ? GROUP BY status",
      {shop.value(), from, until}, [](const storage::RowView& r) {
        return std::pair{Codec<MessageStatus>::read(r, 0), Codec<std::int64_t>::read(r, 1)};
      });
}

std::vector<ReadReceipt> MessageRepository::read_receipts(storage::Connection& c, core::ShopId shop,
                                                          std::int64_t read_since) {
  return storage::rows_as(
      c,
      "SELECT customer_id, read_at FROM messages WHERE shop_id = ? AND read_at >= ?"
      " AND channel = 'whatsapp' AND customer_id IS NOT NULL ORDER BY read_at DESC LIMIT ?",
      {shop.value(), read_since, kReadReceiptsAtMost}, [](const storage::RowView& r) {
        return ReadReceipt{Codec<std::int64_t>::read(r, 0), Codec<std::int64_t>::read(r, 1)};
      });
}

std::optional<Message> MessageRepository::find(storage::Connection& c, core::ShopId shop,
                                               core::MessageId id) {
  static const std::string sql =
      fmt::format("SELECT {} FROM messages WHERE shop_id = ? AND id = ?", columns());
  return first_row(c, sql, {shop.value(), id.value()});
}

std::optional<Message> MessageRepository::find_by_provider_id(
    storage::Connection& c, core::ShopId shop, const std::string& provider_message_id) {
  static const std::string sql = fmt::format(
      "SELECT {} FROM messages WHERE shop_id = ? AND provider_message_id = ? ORDER BY id LIMIT 1",
      columns());
  return first_row(c, sql, {shop.value(), provider_message_id});
}

std::vector<Message> MessageRepository::for_reminder(storage::Connection& c, core::ShopId shop,
                                                     core::RefillReminderId reminder) {
  static const std::string sql = fmt::format(
      "SELECT {} FROM messages WHERE shop_id = ? AND refill_reminder_id = ? ORDER BY id",
      columns());
  return all_rows(c, sql, {shop.value(), reminder.value()});
}

std::vector<Message> MessageRepository::list(storage::Connection& c, core::ShopId shop,
                                             const MessageFilter& filter, std::int64_t limit,
                                             std::int64_t offset) {
  storage::Conditions w = where(shop, filter);
  return storage::rows_as(
      c,
      fmt::format("SELECT {}, cu.name FROM messages m LEFT JOIN customers cu ON cu.shop_id = "
                  "m.shop_id AND cu.id = m.customer_id{} ORDER BY m.created_at DESC, m.id DESC "
                  "LIMIT ? OFFSET ?",
                  kMessageColumns.select_list("m."), w.sql()),
      w.params_with({limit, offset}), listed_message_from_row);
}

std::vector<std::pair<core::MessageId, MessageStatus>> MessageRepository::statuses(
    storage::Connection& c, core::ShopId shop, const std::vector<core::MessageId>& ids) {
  storage::Params params = {shop.value()};
  for (core::MessageId id : ids) params.emplace_back(id.value());
  return storage::rows_as(
      c,
      fmt::format("SELECT id, status FROM messages WHERE shop_id = ? AND id IN ({}) ORDER BY id",
                  placeholders(ids.size())),
      params, [](const storage::RowView& r) {
        return std::pair{Codec<core::MessageId>::read(r, 0), Codec<MessageStatus>::read(r, 1)};
      });
}

std::vector<core::MessageId> MessageRepository::approve(storage::Connection& c, core::ShopId shop,
                                                        const std::vector<core::MessageId>& ids,
                                                        std::int64_t now_ms) {
  storage::Params params = {now_ms, shop.value()};
  for (core::MessageId id : ids) params.emplace_back(id.value());
  return storage::rows_as(
      c, fmt::format("{} AND id IN ({}) RETURNING id", kApprove, placeholders(ids.size())), params,
      message_id_from_row);
}

std::vector<core::MessageId> MessageRepository::approve_all(storage::Connection& c,
                                                            core::ShopId shop,
                                                            std::int64_t now_ms) {
  return storage::rows_as(c, fmt::format("{} RETURNING id", kApprove), {now_ms, shop.value()},
                          message_id_from_row);
}

std::vector<Message> MessageRepository::expire_awaiting(storage::Connection& c, core::ShopId shop,
                                                        std::int64_t created_before,
                                                        std::int64_t now_ms) {
  const std::string sql = fmt::format(R"(
UPDATE messages SET status = 'expired', updated_at = ?
WHERE shop_id = ? AND status = 'awaiting_approval' AND created_at < ?
RETURNING {})",
                                      columns());
  return all_rows(c, sql, {now_ms, shop.value(), created_before});
}

std::int64_t MessageRepository::count(storage::Connection& c, core::ShopId shop,
                                      const MessageFilter& filter) {
  storage::Conditions w = where(shop, filter);
  return c.query_int("SELECT COUNT(*) FROM messages m" + w.sql(), w.params());
}

}  // namespace rx::messaging
