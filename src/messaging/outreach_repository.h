#pragma once

#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

struct ShopClock {
  std::int64_t id = 0;
  std::string name;
  std::string time_zone;
};

// A due refill reminder with what deciding its channel needs.
struct DueReminder {
  std::int64_t reminder_id = 0;
  std::int64_t customer_id = 0;
  std::string medicine;
  std::string runs_out_on;
  std::string phone;
  std::optional<std::string> customer_name;
  bool whatsapp_consent = false;
  bool sms_consent = false;
  std::string whatsapp_status;
  bool had_whatsapp = false;  // a WhatsApp message exists for it (in any state)
  bool had_sms = false;
};

// Whether a customer may be messaged now, re-read just before sending.
struct Reachability {
  bool whatsapp_consent = false;
  bool sms_consent = false;
  bool opted_out = false;
  std::string reminder_status;  // "" when the message has no reminder
};

// The SQL messaging reads and writes in other domains' tables (shops, refill reminders,
// customers, contacts). Every statement but `shops` is scoped by shop_id.
class OutreachRepository {
 public:
  static std::vector<ShopClock> shops(storage::Connection& c);
  // Pending reminders due by `today` of customers with some consent and not opted out, that
  // have no message under way, sent, or of unknown fate (interrupted).
  static std::vector<DueReminder> due_candidates(storage::Connection& c, std::int64_t shop_id,
                                                 const std::string& today, std::int64_t limit);
  static std::optional<DueReminder> due_candidate(storage::Connection& c, std::int64_t shop_id,
                                                  std::int64_t reminder_id,
                                                  const std::string& today);
  // Due pending reminders with no message under way: the staff call list's length.
  static std::int64_t call_list_size(storage::Connection& c, std::int64_t shop_id,
                                     const std::string& today);
  static Reachability reachability(storage::Connection& c, std::int64_t shop_id,
                                   std::int64_t customer_id,
                                   std::optional<std::int64_t> reminder_id);
  // The customer's and (by phone) the contact sheet record's WhatsApp status.
  static void set_whatsapp_status(storage::Connection& c, std::int64_t shop_id,
                                  std::int64_t customer_id, std::string_view status,
                                  std::string_view source, std::int64_t now_ms);
  // A reminder that left the call list as sent by WhatsApp goes back to it (the message failed
  // after the Cloud API had accepted it).
  static void reopen_whatsapp_reminder(storage::Connection& c, std::int64_t shop_id,
                                       std::int64_t reminder_id, std::int64_t now_ms);
};

}  // namespace rx::messaging
