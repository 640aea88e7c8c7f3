#pragma once

#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace rx::privacy {

struct ConsentEvent {
  std::int64_t id = 0;
  std::string channel;
  bool granted = false;
  std::string method;
  std::optional<std::int64_t> staff_id;
  std::optional<std::string> note;
  std::int64_t at = 0;
};

struct MessageRecord {
  std::int64_t id = 0;
  std::string channel;
  std::string to_phone;
  std::optional<std::string> template_name;
  std::string status;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> sent_at;
  std::optional<std::int64_t> delivered_at;
  std::optional<std::int64_t> read_at;
  std::optional<std::int64_t> failed_at;
};

// The SQL of a customer's data export and erasure that no other repository has. Every statement
// is scoped by shop_id.
// Failures: every call throws the driver's AppError (storage/driver_error.h): kUnavailable when
// the database is busy or unreachable, kConflict for a unique or foreign key violation.
class PrivacyRepository {
 public:
  static std::vector<ConsentEvent> consent_events(storage::Connection& c, std::int64_t shop_id,
                                                  std::int64_t customer_id);
  static std::vector<MessageRecord> messages(storage::Connection& c, std::int64_t shop_id,
                                             std::int64_t customer_id);
  // Contact-sheet records of the customer: linked to it, or with its phone.
  static std::vector<std::int64_t> contact_ids(storage::Connection& c, std::int64_t shop_id,
                                               std::int64_t customer_id, const std::string& phone);

  // Erasure steps; each keeps amounts, dates and statuses (the shop's accounts and reports) and
  // removes what identifies the person or describes their health.
  // False when the customer was already erased (or is not in the shop).
  static bool erase_customer(storage::Connection& c, std::int64_t shop_id, std::int64_t customer_id,
                             std::int64_t now_ms);
  static void erase_customer_history(storage::Connection& c, std::int64_t shop_id,
                                     std::int64_t customer_id, std::int64_t now_ms);
  // Open refill reminders are cancelled; returns their ids.
  static std::vector<std::int64_t> cancel_open_refills(storage::Connection& c, std::int64_t shop_id,
                                                       std::int64_t customer_id,
                                                       std::int64_t now_ms);
  static void erase_contact(storage::Connection& c, std::int64_t shop_id, std::int64_t contact_id,
                            std::int64_t now_ms);
  static void erase_messages(storage::Connection& c, std::int64_t shop_id, std::int64_t customer_id,
                             std::int64_t now_ms);
  // `phone` is the customer's number before erasure; `contact_ids` their contact records.
  static void erase_inbound_messages(storage::Connection& c, std::int64_t shop_id,
                                     std::int64_t customer_id, const std::string& phone,
                                     const std::vector<std::int64_t>& contact_ids);
  static std::int64_t bill_count(storage::Connection& c, std::int64_t shop_id,
                                 std::int64_t customer_id);
};

// Non-dialable stand-ins that keep the (shop_id, phone) keys unique after erasure.
std::string erased_customer_phone(std::int64_t customer_id);
std::string erased_contact_phone(std::int64_t contact_id);

}  // namespace rx::privacy
