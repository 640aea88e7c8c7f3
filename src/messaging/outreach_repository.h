#pragma once

#include "automation/outreach_approval.h"
#include "core/strong_id.h"
#include "messaging/channel.h"
#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <vector>

namespace rx::messaging {

struct ShopClock {
  core::ShopId id;
  std::string name;
  std::string time_zone;
  // review: what a pass queues waits for a manager's approval (awaiting_approval).
  automation::OutreachApproval outreach_approval = automation::OutreachApproval::kAutomatic;
};

// A due refill reminder with what deciding its channel needs.
struct DueReminder {
  std::int64_t reminder_id = 0;
  std::int64_t customer_id = 0;
  std::int64_t step = 1;  // the reminder's step under way
  std::string medicine;
  std::string runs_out_on;
  std::string phone;
  std::optional<std::string> customer_name;
  ChannelConsent consent;
  bool whatsapp_inactive = false;  // a WhatsApp send showed the number is not on WhatsApp
  bool had_whatsapp = false;       // a WhatsApp message exists for its step (in any state)
  bool had_sms = false;
};

// Whether a customer may be messaged now, re-read just before sending.
struct Reachability {
  ChannelConsent consent;
  bool opted_out = false;
  std::optional<refills::RefillStatus> reminder_status;  // nullopt when the message has none
};

// The SQL messaging reads and writes in other domains' tables (shops, refill reminders,
// customers, contacts). Every statement but `shops` is scoped by shop_id. Database failures are
// thrown as core::AppError with the codes of storage/driver_error.h.
class OutreachRepository {
 public:
  static std::vector<ShopClock> shops(storage::Connection& c);
  // Pending reminders due by `today` of customers with some consent and not opted out, that
  // have for their step no message under way (awaiting approval included), sent, of unknown
  // fate (interrupted), or expired unapproved (that step is the call list's now).
  static std::vector<DueReminder> due_candidates(storage::Connection& c, core::ShopId shop,
                                                 const std::string& today, std::int64_t limit);
  static std::optional<DueReminder> due_candidate(storage::Connection& c, core::ShopId shop,
                                                  core::RefillReminderId reminder,
                                                  const std::string& today);
  // Due pending reminders with no message under way: the staff call list's length.
  static std::int64_t call_list_size(storage::Connection& c, core::ShopId shop,
                                     const std::string& today);
  // A customer the shop does not have reads as opted out: nobody to message.
  static Reachability reachability(storage::Connection& c, core::ShopId shop,
                                   core::CustomerId customer,
                                   std::optional<core::RefillReminderId> reminder);
  // The customer's and (by phone) the contact sheet record's WhatsApp status ("active",
  // "inactive"), and what told us (`source`).
  static void set_whatsapp_status(storage::Connection& c, core::ShopId shop,
                                  core::CustomerId customer, std::string_view status,
                                  std::string_view source, std::int64_t now_ms);
  // A reminder that left the call list as sent by WhatsApp goes back to it (the message failed
  // after the Cloud API had accepted it).
  static void reopen_whatsapp_reminder(storage::Connection& c, core::ShopId shop,
                                       core::RefillReminderId reminder, std::int64_t now_ms);
};

}  // namespace rx::messaging
