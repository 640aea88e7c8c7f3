#pragma once

#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::refills {

struct NewRefillReminder {
  std::int64_t customer_id = 0;
  std::int64_t purchase_id = 0;
  std::int64_t bill_id = 0;
  std::string medicine;
  std::string runs_out_on;
  std::string remind_on;
};

// SQL for refill_reminders and their event history. Every statement is scoped by shop_id.
class RefillRepository {
 public:
  static std::int64_t insert(storage::Connection& c, std::int64_t shop_id,
                             const NewRefillReminder& r, std::int64_t now_ms);
  // The reminder `insert` stored as `id`, as a read would answer it, for a caller that has the
  // customer's name, phone and WhatsApp status at hand.
  static RefillReminder as_inserted(std::int64_t id, const NewRefillReminder& r,
                                    std::optional<std::string> customer_name,
                                    std::string customer_phone, std::string whatsapp_status,
                                    std::int64_t now_ms);
  // Closes every open reminder of the customer for the medicine as refilled by `bill_id`.
  static std::vector<std::int64_t> close_as_refilled(storage::Connection& c, std::int64_t shop_id,
                                                     std::int64_t customer_id,
                                                     const std::string& key, std::int64_t bill_id,
                                                     std::int64_t now_ms);
  static std::optional<RefillReminder> find(storage::Connection& c, std::int64_t shop_id,
                                            std::int64_t id);
  static std::vector<RefillReminder> list(storage::Connection& c, std::int64_t shop_id,
                                          const RefillFilter& filter, std::int64_t limit,
                                          std::int64_t offset);
  static std::int64_t count(storage::Connection& c, std::int64_t shop_id,
                            const RefillFilter& filter);
  static void mark_sent(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                        std::string_view channel, std::optional<std::int64_t> staff_id,
                        std::int64_t now_ms);
  static void record_response(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                              std::string_view response, const std::optional<std::string>& note,
                              std::int64_t now_ms);
  static void cancel(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                     std::int64_t now_ms);
  static void add_event(storage::Connection& c, std::int64_t shop_id, std::int64_t reminder_id,
                        std::string_view kind, const std::optional<std::string>& channel,
                        const std::optional<std::string>& response,
                        const std::optional<std::string>& note,
                        std::optional<std::int64_t> staff_id, std::int64_t now_ms);
};

}  // namespace rx::refills
