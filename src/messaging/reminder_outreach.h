#pragma once

#include "messaging/messaging_settings.h"
#include "messaging/outreach_repository.h"
#include "storage/database.h"

#include <string>
#include <vector>

namespace rx::messaging {

// The body parameters of a refill reminder, in template order: {{1}} the customer's name (or
// "Customer"), {{2}} the shop's name, {{3}} the date the medicine runs out ("25 Nov 2026"), and
// {{4}} the medicine only when the shop opted in to naming medicines.
std::vector<std::string> refill_parameters(const DueReminder& due, const std::string& shop_name,
                                           bool include_medicine_names);

// Starts the next step of each reminder whose next step's day has come (refills::RefillRepository
// ::start_step): pending again, so the channel ladder and the call list take it up. Returns how
// many were started. Database failures are thrown as core::AppError (storage/driver_error.h).
int start_due_steps(storage::Connection& c, core::ShopId shop, const std::string& today,
                    std::int64_t now_ms);

// Starts the steps that are due (start_due_steps), then queues one outbox row for each due
// reminder that can be messaged: WhatsApp when the customer
// agreed to it, has a mobile number not known to be off WhatsApp, and the shop's WhatsApp is
// set up; else SMS with SMS consent and SMS set up. The rest stay on the staff call list.
// A WhatsApp row is planned for the send window's slot in which its customer has read past
// messages soonest, else the shop's soonest-read slot, else sent at once (send_hour.h); an SMS
// row goes at once.
// A shop in review mode gets its rows awaiting approval instead of queued (so does
// queue_sms_fallback). Returns how many rows were added.
int queue_due_reminders(storage::Connection& c, const ShopClock& shop,
                        const MessagingSettings& settings, const std::string& today,
                        std::int64_t now_ms);

// After WhatsApp failed for a reminder: queues its SMS if the customer agreed to SMS. True when
// a row was queued. Database failures are thrown as core::AppError (storage/driver_error.h), as
// by queue_due_reminders.
bool queue_sms_fallback(storage::Connection& c, const ShopClock& shop,
                        const MessagingSettings& settings, core::RefillReminderId reminder,
                        const std::string& today, std::int64_t now_ms);

}  // namespace rx::messaging
