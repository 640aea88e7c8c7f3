#pragma once

#include "core/strong_id.h"
#include "customers/customer.h"
#include "storage/database.h"

#include <optional>
#include <vector>

namespace rx::customers {

// SQL for customers and customer_conditions. Every statement is scoped by shop_id.
// Each function throws only the database's errors (storage/driver_error.h): AppError(kConflict)
// on a unique key (a phone already a customer of the shop), kValidation on a foreign key or
// check, kUnavailable when the database is down or busy.
class CustomerRepository {
 public:
  static std::optional<Customer> find(storage::Connection& c, core::ShopId shop_id,
                                      core::CustomerId id);
  // The customer's row alone, without their chronic conditions (for a caller that has them).
  static std::optional<Customer> find_row(storage::Connection& c, core::ShopId shop_id,
                                          core::CustomerId id);
  static std::optional<Customer> find_by_phone(storage::Connection& c, core::ShopId shop_id,
                                               const std::string& e164);
  // Inserts with the given fields (phone and category required), and with its first visit when
  // a bill creates the customer; returns the id.
  static core::CustomerId insert(storage::Connection& c, core::ShopId shop_id,
                                 const CustomerFields& fields, std::int64_t now_ms,
                                 std::optional<Visit> first_visit = std::nullopt);
  static void update(storage::Connection& c, core::ShopId shop_id, core::CustomerId id,
                     const CustomerFields& fields, std::int64_t now_ms);
  // A visit to a known customer, with what the counter changed about them (`changes`, often
  // nothing) in the same statement: one row version a bill rather than two.
  static void record_visit(storage::Connection& c, core::ShopId shop_id, core::CustomerId id,
                           const CustomerFields& changes, Visit visit, std::int64_t now_ms);
  // A page of summaries: the list never reads medical or personal details.
  static std::vector<CustomerSummary> list(storage::Connection& c, core::ShopId shop_id,
                                           const CustomerFilter& filter, std::int64_t limit,
                                           std::int64_t offset);
  static std::int64_t count(storage::Connection& c, core::ShopId shop_id,
                            const CustomerFilter& filter);
  // A consent event for each channel whose flag `fields` changes (a new customer starts at
  // no consent); `method` is how it was recorded (counter, staff, form, reply).
  static void record_consent_changes(storage::Connection& c, core::ShopId shop_id,
                                     core::CustomerId customer_id, const CustomerFields& fields,
                                     const Customer* before, std::string_view method,
                                     std::optional<core::StaffId> staff_id, std::int64_t now_ms);
  static void record_consent(storage::Connection& c, core::ShopId shop_id,
                             core::CustomerId customer_id, std::string_view channel, bool granted,
                             std::string_view method, std::optional<core::StaffId> staff_id,
                             std::int64_t now_ms,
                             const std::optional<std::string>& note = std::nullopt);
  // Every consent event of the customer, newest first, with the name of who recorded it.
  static std::vector<ConsentEvent> consent_history(storage::Connection& c, core::ShopId shop_id,
                                                   core::CustomerId customer_id,
                                                   std::int64_t limit);
};

// Conditions are stored trimmed and lower-cased so that filters match however they were typed.
std::string condition_key(std::string_view condition);

}  // namespace rx::customers
