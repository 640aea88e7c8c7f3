#pragma once

#include "core/strong_id.h"
#include "refills/refill_reminder.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rx::refills {

// A reminder as RefillRepository::insert stores it: pending at its first step, nothing sent or
// answered. Made by new_refill_reminder, which works the steps out of their days.
struct NewRefillReminder {
  std::int64_t customer_id = 0;
  std::int64_t purchase_id = 0;
  std::int64_t bill_id = 0;
  std::string medicine;
  std::string medicine_key;  // medicine_key(medicine)
  std::string runs_out_on;
  std::string remind_on;  // the first step's day
  RefillStatus status = RefillStatus::kPending;
  std::int64_t step = 1;
  std::int64_t steps = 1;
  // Every step's day, the first being remind_on, when there is more than one (stored as NULL
  // for one), and the day of the step after the first.
  std::optional<std::vector<std::string>> step_dates;
  std::optional<std::string> next_step_on;
  std::int64_t created_at = 0;  // also its updated_at
};

// The reminder of a purchase for `medicine` (matched by `key`, medicine_key(medicine)) whose
// steps fall on `step_dates`: never empty, the first being the day it is first due.
NewRefillReminder new_refill_reminder(std::int64_t customer_id, std::int64_t purchase_id,
                                      std::int64_t bill_id, std::string medicine, std::string key,
                                      std::string runs_out_on, std::vector<std::string> step_dates,
                                      std::int64_t now_ms);

// A reminder whose next step's day has come.
struct StepDue {
  core::RefillReminderId id;
  std::int64_t step = 1;
  std::vector<std::string> step_dates;
};

// SQL for refill_reminders and their event history. Every statement is scoped by shop_id.
// Database failures are thrown as core::AppError with the codes of storage/driver_error.h; a
// stored status, channel or response this version does not know is AppError(kInternal).
class RefillRepository {
 public:
  static core::RefillReminderId insert(storage::Connection& c, core::ShopId shop,
                                       const NewRefillReminder& r);
  // The reminder `insert` stored as `id`, as a read would answer it, for a caller that has the
  // customer's name, phone and WhatsApp status at hand.
  static RefillReminder as_inserted(core::RefillReminderId id, NewRefillReminder r,
                                    std::optional<std::string> customer_name,
                                    std::string customer_phone, std::string whatsapp_status);
  // Closes every open reminder of the customer for the medicine as refilled by `bill`; the ids
  // of the reminders closed.
  static std::vector<std::int64_t> close_as_refilled(storage::Connection& c, core::ShopId shop,
                                                     core::CustomerId customer,
                                                     const std::string& key, core::BillId bill,
                                                     std::int64_t now_ms);
  // Open reminders not yet answered (pending or sent) of customers not opted out, with no
  // message under way, whose next step's day is `today` or earlier.
  static std::vector<StepDue> steps_due(storage::Connection& c, core::ShopId shop,
                                        const std::string& today, std::int64_t limit);
  // Moves `due` on to the latest step whose day is `today` or earlier and makes it pending again
  // (the channel ladder and the call list start over for it). False when another writer moved
  // it first or it was answered or closed meanwhile.
  static bool start_step(storage::Connection& c, core::ShopId shop, const StepDue& due,
                         const std::string& today, std::int64_t now_ms);
  static std::optional<RefillReminder> find(storage::Connection& c, core::ShopId shop,
                                            core::RefillReminderId id);
  static std::vector<RefillReminder> list(storage::Connection& c, core::ShopId shop,
                                          const RefillFilter& filter, std::int64_t limit,
                                          std::int64_t offset,
                                          RefillSort sort = RefillSort::kRemindOn);
  // The statement `list` runs and its parameters (its query plan is checked in a test).
  static std::pair<std::string, storage::Params> list_statement(core::ShopId shop,
                                                                const RefillFilter& filter,
                                                                std::int64_t limit,
                                                                std::int64_t offset,
                                                                RefillSort sort);
  static std::int64_t count(storage::Connection& c, core::ShopId shop, const RefillFilter& filter);
  // The customer's open reminder a reply without context answers: the one messaged last (by
  // when it was sent, then the newest), else the newest.
  static std::optional<RefillReminder> latest_open_for_customer(storage::Connection& c,
                                                                core::ShopId shop,
                                                                core::CustomerId customer);
  // Closing a reminder (record_response, cancel, close_as_refilled) also clears its lapse risk
  // in the same statement, so that no answered or closed reminder shows one.
  // A reminder already answered keeps its status; the send is recorded all the same.
  static void mark_sent(storage::Connection& c, core::ShopId shop, core::RefillReminderId id,
                        RefillChannel channel, std::optional<core::StaffId> staff,
                        std::int64_t now_ms);
  static void record_response(storage::Connection& c, core::ShopId shop, core::RefillReminderId id,
                              RefillResponse response, const std::optional<std::string>& note,
                              std::int64_t now_ms);
  // No further step of the cadence is started for the reminder (next_step_on cleared).
  static void stop_steps(storage::Connection& c, core::ShopId shop, core::RefillReminderId id,
                         std::int64_t now_ms);
  static void cancel(storage::Connection& c, core::ShopId shop, core::RefillReminderId id,
                     std::int64_t now_ms);
  // One line of the reminder's history: `kind` is sent, response, refilled or cancelled.
  static void add_event(storage::Connection& c, core::ShopId shop, core::RefillReminderId id,
                        std::string_view kind, std::optional<RefillChannel> channel,
                        std::optional<RefillResponse> response,
                        const std::optional<std::string>& note, std::optional<core::StaffId> staff,
                        std::int64_t now_ms);
};

}  // namespace rx::refills
