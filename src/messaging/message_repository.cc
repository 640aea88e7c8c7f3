#include "messaging/message_repository.h"

#include "storage/conditions.h"

#include <fmt/format.h>

namespace rx::messaging {
namespace {

constexpr std::string_view kColumnNames[] = {"id",
                                             "customer_id",
                                             "refill_reminder_id",
                                             "channel",
                                             "to_phone",
                                             "template",
                                             "parameters",
                                             "idempotency_key",
                                             "status",
                                             "attempts",
                                             "next_attempt_at",
                                             "claimed_by",
                                             "claimed_at",
                                             "provider_message_id",
                                             "error_code",
                                             "error_message",
                                             "created_at",
                                             "sent_at",
                                             "delivered_at",
                                             "read_at",
                                             "failed_at"};

// The column list, each name with `prefix` ("m." in joins, "" in RETURNING).
std::string columns(std::string_view prefix) {
  std::string out;
  for (std::string_view name : kColumnNames) {
    if (!out.empty()) out += ", ";
    out += prefix;
    out += name;
  }
  return out;
}

Message message_from_row(const storage::Row& r) {
  Message m;
  m.id = r.int_at(0);
  m.customer_id = r[1].as_opt_int();
  m.refill_reminder_id = r[2].as_opt_int();
  m.channel = r.text_at(3);
  m.to_phone = r.text_at(4);
  m.template_name = r[5].as_opt_text();
  m.parameters = r[6].as_opt_text();
  m.idempotency_key = r.text_at(7);
  m.status = r.text_at(8);
  m.attempts = r.int_at(9);
  m.next_attempt_at = r[10].as_opt_int();
  m.claimed_by = r[11].as_opt_text();
  m.claimed_at = r[12].as_opt_int();
  m.provider_message_id = r[13].as_opt_text();
  m.error_code = r[14].as_opt_text();
  m.error_message = r[15].as_opt_text();
  m.created_at = r.int_at(16);
  m.sent_at = r[17].as_opt_int();
  m.delivered_at = r[18].as_opt_int();
  m.read_at = r[19].as_opt_int();
  m.failed_at = r[20].as_opt_int();
  if (r.size() > 21) m.customer_name = r[21].as_opt_text();
  return m;
}

std::vector<Message> all_rows(const storage::ResultSet& result) {
  std::vector<Message> out;
  out.reserve(result.rows.size());
  for (const auto& r : result.rows) out.push_back(message_from_row(r));
  return out;
}

// How far along a status is; a provider's report only ever moves a row forward.
constexpr std::string_view kStatusRank =
    "(CASE status WHEN 'queued' THEN 0 WHEN 'sending' THEN 1 WHEN 'sent' THEN 2 "
    "WHEN 'failed' THEN 3 WHEN 'delivered' THEN 4 ELSE 5 END)";

int rank_of(std::string_view status) {
  if (status == "sent") return 2;
  if (status == "failed") return 3;
  if (status == "delivered") return 4;
  if (status == "read") return 5;
  return 0;
}

storage::Conditions where(std::int64_t shop_id, const MessageFilter& f) {
  storage::Conditions w;
  w.add("m.shop_id = ?", {shop_id});
  if (f.status) w.add("m.status = ?", {*f.status});
  if (f.channel) w.add("m.channel = ?", {*f.channel});
  if (f.customer_id) w.add("m.customer_id = ?", {*f.customer_id});
  if (f.reminder_id) w.add("m.refill_reminder_id = ?", {*f.reminder_id});
  if (f.created_from) w.add("m.created_at >= ?", {*f.created_from});
  if (f.created_until) w.add("m.created_at < ?", {*f.created_until});
  return w;
}

}  // namespace

std::string reminder_message_key(std::int64_t reminder_id, std::string_view channel) {
  return fmt::format("reminder:{}:{}", reminder_id, channel);
}

std::optional<std::int64_t> MessageRepository::enqueue(storage::Connection& c, std::int64_t shop_id,
                                                       const NewMessage& m, std::int64_t now_ms) {
  storage::ResultSet inserted =
      c.query(R"(
INSERT INTO messages (shop_id, customer_id, refill_reminder_id, channel, to_phone, template,
                      parameters, idempotency_key, status, attempts, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, ?, ?)
ON CONFLICT (shop_id, idempotency_key) DO NOTHING RETURNING id)",
              {shop_id, m.customer_id, m.refill_reminder_id, m.channel, m.to_phone, m.template_name,
               m.parameters, m.idempotency_key, now_ms, now_ms});
  if (inserted.empty()) return std::nullopt;
  return inserted.first().int_at(0);
}

std::vector<Message> MessageRepository::claim(storage::Connection& c, std::int64_t shop_id,
                                              const std::string& worker, std::int64_t now_ms,
                                              std::int64_t limit) {
  const std::string_view lock =
      c.dialect() == storage::Dialect::kPostgres ? " FOR UPDATE SKIP LOCKED" : "";
  const std::string sql = fmt::format(R"(
UPDATE messages SET status = 'sending', claimed_by = ?, claimed_at = ?, attempts = attempts + 1,
                    updated_at = ?
WHERE shop_id = ? AND status = 'queued' AND id IN (
  SELECT id FROM messages
  WHERE shop_id = ? AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
  ORDER BY id LIMIT ?{})
RETURNING {})",
                                      lock, columns(""));
  return all_rows(c.query(sql, {worker, now_ms, now_ms, shop_id, shop_id, now_ms, limit}));
}

std::vector<Message> MessageRepository::fail_abandoned(storage::Connection& c, std::int64_t shop_id,
                                                       std::int64_t claimed_before,
                                                       std::int64_t now_ms) {
  const std::string sql = fmt::format(R"(
UPDATE messages SET status = 'failed', error_code = 'interrupted',
                    error_message = 'the sender stopped between claiming and sending; not resent',
                    failed_at = ?, updated_at = ?
WHERE shop_id = ? AND status = 'sending' AND claimed_at < ?
RETURNING {})",
                                      columns(""));
  return all_rows(c.query(sql, {now_ms, now_ms, shop_id, claimed_before}));
}

bool MessageRepository::record_sent(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                    const std::string& worker,
                                    const std::string& provider_message_id, std::int64_t now_ms) {
  return c.query(R"(
UPDATE messages SET status = 'sent', provider_message_id = ?, sent_at = ?, next_attempt_at = NULL,
                    error_code = NULL, error_message = NULL, failed_at = NULL, updated_at = ?
WHERE shop_id = ? AND id = ? AND claimed_by = ?
  AND (status = 'sending' OR (status = 'failed' AND error_code = 'interrupted')))",
                 {provider_message_id, now_ms, now_ms, shop_id, id, worker})
             .affected == 1;
}

void MessageRepository::record_retry(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                     std::int64_t next_attempt_at, const std::string& error_code,
                                     const std::string& error_message, std::int64_t now_ms) {
  c.query(R"(
UPDATE messages SET status = 'queued', next_attempt_at = ?, error_code = ?, error_message = ?,
                    updated_at = ?
WHERE shop_id = ? AND id = ? AND status = 'sending')",
          {next_attempt_at, error_code, error_message, now_ms, shop_id, id});
}

void MessageRepository::record_failed(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                      const std::string& error_code,
                                      const std::string& error_message, std::int64_t now_ms) {
  c.query(R"(
UPDATE messages SET status = 'failed', next_attempt_at = NULL, error_code = ?, error_message = ?,
                    failed_at = ?, updated_at = ?
WHERE shop_id = ? AND id = ? AND status IN ('queued', 'sending'))",
          {error_code, error_message, now_ms, now_ms, shop_id, id});
}

void MessageRepository::cancel_queued(storage::Connection& c, std::int64_t shop_id,
                                      std::int64_t customer_id,
                                      const std::optional<std::string>& channel,
                                      std::string_view reason, std::int64_t now_ms) {
  // A NULL channel matches every channel.
  c.query(
      "UPDATE messages SET status = 'failed', next_attempt_at = NULL, error_code = ?, "
      "error_message = NULL, failed_at = ?, updated_at = ? "
      "WHERE shop_id = ? AND customer_id = ? AND status = 'queued' "
      "AND channel = COALESCE(?, channel)",
      {reason, now_ms, now_ms, shop_id, customer_id, channel});
}

std::optional<Message> MessageRepository::apply_provider_status(
    storage::Connection& c, std::int64_t shop_id, const std::string& provider_message_id,
    const std::string& status, std::int64_t at_ms, const std::optional<std::string>& error_code,
    const std::optional<std::string>& error_message, std::int64_t now_ms) {
  const int rank = rank_of(status);
  if (rank == 0) return std::nullopt;
  // Each status stamps its own time; read implies delivered.
  std::string_view set;
  if (status == "sent") {
    set = "status = 'sent', sent_at = COALESCE(sent_at, ?)";
  } else if (status == "delivered") {
    set = "status = 'delivered', delivered_at = COALESCE(delivered_at, ?)";
  } else if (status == "read") {
    set =
        "status = 'read', delivered_at = COALESCE(delivered_at, ?), read_at = COALESCE(read_at, ?)";
  } else {
    set = "status = 'failed', failed_at = ?, error_code = ?, error_message = ?";
  }
  storage::Params params;
  if (status == "read") {
    params = {at_ms, at_ms, now_ms, shop_id, provider_message_id, rank};
  } else if (status == "failed") {
    params = {at_ms, error_code, error_message, now_ms, shop_id, provider_message_id, rank};
  } else {
    params = {at_ms, now_ms, shop_id, provider_message_id, rank};
  }
  const std::string sql = fmt::format(
      "UPDATE messages SET {}, updated_at = ? WHERE shop_id = ? AND channel = 'whatsapp' AND "
      "provider_message_id = ? AND {} < ? RETURNING {}",
      set, kStatusRank, columns(""));
  storage::ResultSet updated = c.query(sql, params);
  if (updated.empty()) return std::nullopt;
  return message_from_row(updated.first());
}

std::optional<Message> MessageRepository::requeue_failed(storage::Connection& c,
                                                         std::int64_t shop_id, std::int64_t id,
                                                         std::int64_t now_ms) {
  const std::string sql = fmt::format(R"(
UPDATE messages SET status = 'queued', next_attempt_at = ?, error_code = NULL,
                    error_message = NULL, failed_at = NULL, claimed_by = NULL, claimed_at = NULL,
                    updated_at = ?
WHERE shop_id = ? AND id = ? AND status = 'failed'
RETURNING {})",
                                      columns(""));
  storage::ResultSet updated = c.query(sql, {now_ms, now_ms, shop_id, id});
  if (updated.empty()) return std::nullopt;
  return message_from_row(updated.first());
}

std::int64_t MessageRepository::insert_claimed(storage::Connection& c, std::int64_t shop_id,
                                               const NewMessage& m, const std::string& worker,
                                               std::int64_t now_ms) {
  return c.insert_returning_id(R"(
INSERT INTO messages (shop_id, channel, to_phone, template, parameters, idempotency_key, status,
                      attempts, claimed_by, claimed_at, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, 'sending', 1, ?, ?, ?, ?))",
                               {shop_id, m.channel, m.to_phone, m.template_name, m.parameters,
                                m.idempotency_key, worker, now_ms, now_ms, now_ms});
}

std::vector<std::pair<std::string, std::int64_t>> MessageRepository::count_by_status(
    storage::Connection& c, std::int64_t shop_id, std::int64_t from, std::int64_t until) {
  std::vector<std::pair<std::string, std::int64_t>> out;
  for (const auto& r : c.query("SELECT status, COUNT(*) FROM messages WHERE shop_id = ? AND "
                               "created_at >= ? AND created_at < ? GROUP BY status",
                               {shop_id, from, until})
                           .rows) {
    out.emplace_back(r.text_at(0), r.int_at(1));
  }
  return out;
}

std::optional<Message> MessageRepository::find(storage::Connection& c, std::int64_t shop_id,
                                               std::int64_t id) {
  auto row =
      c.query_one(fmt::format("SELECT {} FROM messages WHERE shop_id = ? AND id = ?", columns("")),
                  {shop_id, id});
  if (!row) return std::nullopt;
  return message_from_row(*row);
}

std::vector<Message> MessageRepository::for_reminder(storage::Connection& c, std::int64_t shop_id,
                                                     std::int64_t reminder_id) {
  return all_rows(c.query(
      fmt::format(
          "SELECT {} FROM messages WHERE shop_id = ? AND refill_reminder_id = ? ORDER BY id",
          columns("")),
      {shop_id, reminder_id}));
}

std::vector<Message> MessageRepository::list(storage::Connection& c, std::int64_t shop_id,
                                             const MessageFilter& filter, std::int64_t limit,
                                             std::int64_t offset) {
  storage::Conditions w = where(shop_id, filter);
  return all_rows(c.query(
      fmt::format("SELECT {}, cu.name FROM messages m LEFT JOIN customers cu ON cu.shop_id = "
                  "m.shop_id AND cu.id = m.customer_id{} ORDER BY m.created_at DESC, m.id DESC "
                  "LIMIT ? OFFSET ?",
                  columns("m."), w.sql()),
      w.params_with({limit, offset})));
}

std::int64_t MessageRepository::count(storage::Connection& c, std::int64_t shop_id,
                                      const MessageFilter& filter) {
  storage::Conditions w = where(shop_id, filter);
  return c.query_int("SELECT COUNT(*) FROM messages m" + w.sql(), w.params());
}

}  // namespace rx::messaging
