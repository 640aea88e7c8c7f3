#pragma once

#include "core/strong_id.h"
#include "messaging/message.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rx::messaging {

// SQL for the outbox (messages). Every statement is scoped by shop_id. Database failures are
// thrown as core::AppError with the codes of storage/driver_error.h; a stored channel or status
// this version does not know is AppError(kInternal).
inline constexpr std::int64_t kReadReceiptsAtMost = 20000;

class MessageRepository {
 public:
  // Inserts unless the idempotency key is taken; the new id, or nullopt when it was.
  static std::optional<core::MessageId> enqueue(storage::Connection& c, core::ShopId shop,
                                                const NewMessage& message, std::int64_t now_ms);
  // Moves up to `limit` due queued rows to sending for `worker` and returns them. PostgreSQL
  // skips rows another sender holds locked (FOR UPDATE SKIP LOCKED); SQLite runs it under its
  // write lock (the caller's BEGIN IMMEDIATE), so two senders never claim one row.
  // A row planned for later (planned_for) is due once planned_for <= `planned_before`.
  static std::vector<Message> claim(storage::Connection& c, core::ShopId shop,
                                    const std::string& worker, std::int64_t now_ms,
                                    std::int64_t limit, std::int64_t planned_before);
  // Rows left in sending since before `claimed_before` (their sender crashed mid-send) become
  // failed "interrupted": the provider may or may not have the message, so never resend.
  static std::vector<Message> fail_abandoned(storage::Connection& c, core::ShopId shop,
                                             std::int64_t claimed_before, std::int64_t now_ms);
  // The provider accepted the message. Also taken when the row was failed as interrupted by
  // the lease meanwhile: it did go out. False when the row is no longer this worker's.
  static bool record_sent(storage::Connection& c, core::ShopId shop, core::MessageId id,
                          const std::string& worker, const std::string& provider_message_id,
                          std::int64_t now_ms);
  static void record_retry(storage::Connection& c, core::ShopId shop, core::MessageId id,
                           std::int64_t next_attempt_at, const std::string& error_code,
                           const std::string& error_message, std::int64_t now_ms);
  static void record_failed(storage::Connection& c, core::ShopId shop, core::MessageId id,
                            const std::string& error_code, const std::string& error_message,
                            std::int64_t now_ms);
  // Queued rows, and rows awaiting approval, of the customer (of one channel, or all) that must
  // not go out any more: failed with `reason`.
  static void cancel_queued(storage::Connection& c, core::ShopId shop, core::CustomerId customer,
                            std::optional<MessageChannel> channel, std::string_view reason,
                            std::int64_t now_ms);
  // A status the provider reported for one of its WhatsApp message ids, applied only when it
  // moves the row forward (sent < failed < delivered < read): duplicates and late arrivals
  // change nothing, and queued or sending are no provider's report. The updated row, or nullopt
  // when nothing changed.
  static std::optional<Message> apply_provider_status(
      storage::Connection& c, core::ShopId shop, const std::string& provider_message_id,
      MessageStatus status, std::int64_t at_ms, const std::optional<std::string>& error_code,
      const std::optional<std::string>& error_message, std::int64_t now_ms);
  // A failed row back to queued, due at `now_ms`, its error cleared (attempts kept). The row,
  // or nullopt when it was not failed (any more).
  static std::optional<Message> requeue_failed(storage::Connection& c, core::ShopId shop,
                                               core::MessageId id, std::int64_t now_ms);
  // A row inserted already claimed by `worker` (status sending), for a message sent at once
  // rather than by the scheduler. customer_id and refill_reminder_id of `message` are ignored
  // (stored NULL).
  static core::MessageId insert_claimed(storage::Connection& c, core::ShopId shop,
                                        const NewMessage& message, const std::string& worker,
                                        std::int64_t now_ms);
  // Rows created in [from, until) by current status.
  static std::vector<std::pair<MessageStatus, std::int64_t>> count_by_status(storage::Connection& c,
                                                                             core::ShopId shop,
                                                                             std::int64_t from,
                                                                             std::int64_t until);
  static std::optional<Message> find(storage::Connection& c, core::ShopId shop, core::MessageId id);
  // The shop's WhatsApp read receipts since `read_since` (newest first, at most
  // kReadReceiptsAtMost), for the hours customers read in.
  static std::vector<ReadReceipt> read_receipts(storage::Connection& c, core::ShopId shop,
                                                std::int64_t read_since);
  // The message the provider knows as `provider_message_id` (a WhatsApp wamid).
  static std::optional<Message> find_by_provider_id(storage::Connection& c, core::ShopId shop,
                                                    const std::string& provider_message_id);
  static std::vector<Message> for_reminder(storage::Connection& c, core::ShopId shop,
                                           core::RefillReminderId reminder);
  static std::vector<Message> list(storage::Connection& c, core::ShopId shop,
                                   const MessageFilter& filter, std::int64_t limit,
                                   std::int64_t offset);
  static std::int64_t count(storage::Connection& c, core::ShopId shop, const MessageFilter& filter);

  // Look before sending. The current status of each of `ids` (1..500 of them) the shop has, by
  // id; ids of other shops or of no message are simply absent.
  static std::vector<std::pair<core::MessageId, MessageStatus>> statuses(
      storage::Connection& c, core::ShopId shop, const std::vector<core::MessageId>& ids);
  // Those of `ids` (1..500) still awaiting approval become queued, due at once; the ids moved.
  // A row that another writer moved first (expired, approved) is left alone and not returned.
  static std::vector<core::MessageId> approve(storage::Connection& c, core::ShopId shop,
                                              const std::vector<core::MessageId>& ids,
                                              std::int64_t now_ms);
  // Every row of the shop awaiting approval becomes queued; the ids moved.
  static std::vector<core::MessageId> approve_all(storage::Connection& c, core::ShopId shop,
                                                  std::int64_t now_ms);
  // Rows awaiting approval created before `created_before` become expired (never sent), by the
  // same conditional update as approval; the rows expired.
  static std::vector<Message> expire_awaiting(storage::Connection& c, core::ShopId shop,
                                              std::int64_t created_before, std::int64_t now_ms);
};

}  // namespace rx::messaging
