#pragma once

#include "core/clock.h"
#include "core/identity/principal.h"
#include "core/strong_id.h"
#include "insights/contact_times.h"
#include "storage/database.h"

#include <optional>
#include <string>

namespace rx::insights_api {

// The best time to reach the shop's contacts: calls by shop-local weekday and hour.
struct ContactTimesRequest {
  std::optional<std::string> from;  // shop-local YYYY-MM-DD, inclusive; default `to` - 89 days
  std::optional<std::string> to;    // inclusive; default today
  std::optional<core::StaffId> staff_id;
};

struct ContactTimesAnswer {
  std::string time_zone;
  std::string from;
  std::string to;
  insights::ContactTimes times;
};

inline constexpr int kDefaultContactTimesDays = 90;

class ContactTimesService {
 public:
  ContactTimesService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  // Every figure is of the actor's shop, whatever their role. Throws AppError(kValidation)
  // naming from or to as the reports' windows do (not a date, from after to, over 366 days),
  // naming staff_id when it is not a staff member of the actor's shop; kUnavailable or kInternal
  // when the database fails.
  ContactTimesAnswer read(const auth::Principal& actor, const ContactTimesRequest& request);

 private:
  storage::Database& db_;
  const core::Clock& clock_;
};

}  // namespace rx::insights_api
