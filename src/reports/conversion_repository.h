#pragma once

#include "core/strong_id.h"
#include "reports/conversion_counts.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rx::reports {

struct StaffName {
  core::StaffId id;
  std::string name;
};

struct UploadName {
  core::UploadId id;
  std::string file_name;
  std::int64_t created_at = 0;
};

// The conversion report's figures that do not come from contact statuses. Scoped by the shop.
// Every function throws what the connection throws: AppError(kUnavailable) when the database
// is unreachable, kInternal for any other failure.
class ConversionRepository {
 public:
  static bool staff_exists(storage::Connection& c, core::ShopId shop, core::StaffId id);
  static bool upload_exists(storage::Connection& c, core::ShopId shop, core::UploadId id);
  // Active staff, plus `also` (those holding contacts), or only `only` when given.
  static std::vector<StaffName> staff(storage::Connection& c, core::ShopId shop,
                                      const std::vector<core::StaffId>& also,
                                      std::optional<core::StaffId> only);
  // Uploads created in [from, before) when given, newest first; only `only` when given.
  static std::vector<UploadName> uploads(storage::Connection& c, core::ShopId shop,
                                         const ContactScope& scope);
  // Interactions logged on contacts in scope, per staff member who logged them.
  static std::map<core::StaffId, std::int64_t> interactions_by_staff(storage::Connection& c,
                                                                     core::ShopId shop,
                                                                     const ContactScope& scope);
  // Follow-ups not done and due before `now_ms` on contacts in scope, per staff member.
  static std::map<core::StaffId, std::int64_t> overdue_follow_ups_by_staff(
      storage::Connection& c, core::ShopId shop, const ContactScope& scope, std::int64_t now_ms);
  // Bills whose customer said they were contacted before, with bill_date in [from, to] when
  // given. With an upload or staff in scope, only bills of customers whose contact record is
  // in that upload or assigned to that staff member.
  static std::int64_t self_reported_contacted(storage::Connection& c, core::ShopId shop,
                                              const std::optional<std::string>& from,
                                              const std::optional<std::string>& to,
                                              const ContactScope& scope);
};

}  // namespace rx::reports
