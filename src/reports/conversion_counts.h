#pragma once

#include "core/strong_id.h"
#include "storage/conditions.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <optional>

namespace rx::reports {

// Contacts by status, and the value of the converted ones.
struct ConversionCounts {
  std::int64_t total = 0;
  std::int64_t pending = 0;
  std::int64_t contacted = 0;
  std::int64_t converted = 0;
  std::int64_t yellow = 0;
  std::int64_t conversion_value_paise = 0;

  ConversionCounts& operator+=(const ConversionCounts& other);
};

// Which contacts are counted. Instants bound a window of created_at, [from, before).
struct ContactScope {
  std::optional<std::int64_t> created_from_ms;
  std::optional<std::int64_t> created_before_ms;
  std::optional<core::UploadId> upload_id;
  std::optional<core::StaffId> staff_id;  // assigned to
};

struct ConversionBreakdown {
  ConversionCounts totals;
  std::map<core::StaffId, ConversionCounts> by_staff;    // assigned staff; unassigned left out
  std::map<core::UploadId, ConversionCounts> by_upload;  // contacts with no upload left out
  // Contacts from no upload: those an inbound WhatsApp message or SMS created.
  ConversionCounts from_inbound;
};

// The one place the conversion funnel is counted: from the counts kept up to date as contacts
// move (contacts::ContactCounts), or, for a creation window, a GROUP BY over the rows.
// Everything the conversion report says about contact statuses and values comes from here.
// Throws AppError(kInternal) for a stored status this version does not know, and what the
// connection throws (kUnavailable when the database is unreachable).
ConversionBreakdown count_conversions(storage::Connection& c, core::ShopId shop,
                                      const ContactScope& scope);

// The scope as SQL over contact_records aliased `cr` (shared with the per-staff figures that
// are counted from other tables). Throws nothing.
void add_contact_scope(storage::Conditions& where, core::ShopId shop, const ContactScope& scope);

}  // namespace rx::reports
