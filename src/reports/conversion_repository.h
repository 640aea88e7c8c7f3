#pragma once

#include "reports/conversion_counts.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rx::reports {

struct StaffName {
  std::int64_t id = 0;
  std::string name;
};

struct UploadName {
  std::int64_t id = 0;
  std::string file_name;
  std::int64_t created_at = 0;
};

// The conversion report's figures that do not come from contact statuses. Scoped by shop_id.
class ConversionRepository {
 public:
  static bool staff_exists(storage::Connection& c, std::int64_t shop_id, std::int64_t id);
  static bool upload_exists(storage::Connection& c, std::int64_t shop_id, std::int64_t id);
  // Active staff, plus `also` (those holding contacts), or only `only` when given.
  static std::vector<StaffName> staff(storage::Connection& c, std::int64_t shop_id,
                                      const std::vector<std::int64_t>& also,
                                      std::optional<std::int64_t> only);
  // Uploads created in [from, before) when given, newest first; only `only` when given.
  static std::vector<UploadName> uploads(storage::Connection& c, std::int64_t shop_id,
                                         const ContactScope& scope);
  // Interactions logged on contacts in scope, per staff member who logged them.
  static std::map<std::int64_t, std::int64_t> interactions_by_staff(storage::Connection& c,
                                                                    std::int64_t shop_id,
                                                                    const ContactScope& scope);
  // Follow-ups not done and due before `now_ms` on contacts in scope, per staff member.
  static std::map<std::int64_t, std::int64_t> overdue_follow_ups_by_staff(storage::Connection& c,
                                                                          std::int64_t shop_id,
                                                                          const ContactScope& scope,
                                                                          std::int64_t now_ms);
  // Bills whose customer said they were contacted before, with bill_date in [from, to] when
  // given. With an upload or staff in scope, only bills of customers whose contact record is
  // in that upload or assigned to that staff member.
  static std::int64_t self_reported_contacted(storage::Connection& c, std::int64_t shop_id,
                                              const std::optional<std::string>& from,
                                              const std::optional<std::string>& to,
                                              const ContactScope& scope);
};

}  // namespace rx::reports
