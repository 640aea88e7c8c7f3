#pragma once

#include "core/strong_id.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rx::contacts {

// The audit actions of the mark (audit_log.h keeps the others): set by the outcome do_not_call,
// lifted by an owner; details name the field and its value before and after.
inline constexpr std::string_view kDoNotContactSetAction = "contact.do_not_contact_set";
inline constexpr std::string_view kDoNotContactLiftedAction = "contact.do_not_contact_lift";

// The do-not-contact mark belongs to a person, that is a phone: the contact record and the
// customer with that phone carry it together (contact_records and customers, by phone).
//
// Failures: as ContactRepository's (a driver failure comes through storage/driver_error.h).
class DoNotContactRepository {
 public:
  // What the mark was before a change, and the customer with the phone, if there is one.
  struct Change {
    bool contact_was_set = false;
    bool customer_was_set = false;
    std::optional<core::CustomerId> customer_id;
  };

  // Marks the contact and the customer with this phone, keeping who marked first and when.
  static Change set_for_phone(storage::Connection& c, core::ShopId shop, const std::string& e164,
                              core::StaffId by, std::int64_t now_ms);
  // Clears the mark from both.
  static Change lift_for_phone(storage::Connection& c, core::ShopId shop, const std::string& e164,
                               std::int64_t now_ms);
  // A customer created for a phone whose contact is marked takes the mark (who and when).
  static void inherit_for_customer(storage::Connection& c, core::ShopId shop,
                                   core::CustomerId customer_id);
};

}  // namespace rx::contacts
