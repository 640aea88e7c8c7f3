#include "reports/conversion_counts.h"

#include "contacts/contact_counts.h"
#include "contacts/contact_types.h"
#include "contacts/upload_repository.h"
#include "core/error.h"
#include "reports/report_rows.h"
#include "storage/conditions.h"
#include "storage/table.h"

#include <string>

namespace rx::reports {

ConversionCounts& ConversionCounts::operator+=(const ConversionCounts& other) {
  total += other.total;
  pending += other.pending;
  contacted += other.contacted;
  converted += other.converted;
  yellow += other.yellow;
  conversion_value_paise += other.conversion_value_paise;
  return *this;
}

void add_contact_scope(storage::Conditions& where, core::ShopId shop, const ContactScope& scope) {
  where.add("cr.shop_id = ?", {shop.value()});
  if (scope.created_from_ms) where.add("cr.created_at >= ?", {*scope.created_from_ms});
  if (scope.created_before_ms) where.add("cr.created_at < ?", {*scope.created_before_ms});
  if (scope.upload_id) contacts::UploadRepository::add_contacts_of(where, shop, *scope.upload_id);
  if (scope.staff_id) where.add("cr.assigned_staff_id = ?", {scope.staff_id->value()});
}

namespace {

// One GROUP BY row over contact_records: the contacts of one assignee, upload and status.
struct StatusGroup {
  std::optional<core::StaffId> staff_id;
  std::optional<core::UploadId> upload_id;
  std::string status;
  std::int64_t contacts = 0;
  std::int64_t value_paise = 0;
};

constexpr storage::Table kStatusGroup(
    storage::column("cr.assigned_staff_id", &StatusGroup::staff_id),
    storage::column("cr.upload_id", &StatusGroup::upload_id),
    storage::column("cr.status", &StatusGroup::status),
    storage::column("COUNT(*)", &StatusGroup::contacts),
    storage::column("CAST(COALESCE(SUM(cr.conversion_value_paise), 0) AS BIGINT)",
                    &StatusGroup::value_paise));

// A stored status as the enum; the database's CHECK allows no other spelling.
contacts::ContactStatus status_of(const std::string& text) {
  if (const auto status = contacts::parse_contact_status(text)) return *status;
  throw core::AppError(core::ErrorCode::kInternal,
                       "the database holds a value this version does not know", {{"value", text}});
}

template <class Id>
std::optional<Id> unless_zero(std::int64_t id) {
  return id ? std::optional<Id>(Id(id)) : std::nullopt;
}

void add_bucket(ConversionBreakdown& out, std::optional<core::StaffId> staff_id,
                std::optional<core::UploadId> upload_id, contacts::ContactStatus status,
                std::int64_t n, std::int64_t value_paise) {
  ConversionCounts counts;
  counts.total = n;
  switch (status) {
    case contacts::ContactStatus::kPending:
      counts.pending = n;
      break;
    case contacts::ContactStatus::kContacted:
      counts.contacted = n;
      break;
    case contacts::ContactStatus::kYellow:
      counts.yellow = n;
      break;
    case contacts::ContactStatus::kConverted:
      counts.converted = n;
      counts.conversion_value_paise = value_paise;
      break;
  }
  out.totals += counts;
  if (staff_id) out.by_staff[*staff_id] += counts;
  if (upload_id) {
    out.by_upload[*upload_id] += counts;
  } else {
    out.from_inbound += counts;
  }
}

}  // namespace

ConversionBreakdown count_conversions(storage::Connection& c, core::ShopId shop,
                                      const ContactScope& scope) {
  ConversionBreakdown out;
  // Without a creation window the counts kept per (upload, assignee, status) answer it: a few
  // dozen rows instead of every contact of the shop.
  if (!scope.created_from_ms && !scope.created_before_ms) {
    for (const contacts::ContactBucket& b :
         contacts::ContactCounts::buckets(c, shop, scope.upload_id, scope.staff_id)) {
      add_bucket(out, unless_zero<core::StaffId>(b.staff_id),
                 unless_zero<core::UploadId>(b.upload_id), b.status, b.contacts,
                 b.conversion_value_paise);
    }
    return out;
  }
  storage::Conditions where;
  add_contact_scope(where, shop, scope);
  static const std::string kSelect =
      "SELECT " + kStatusGroup.select_list() + " FROM contact_records cr";
  const std::string sql =
      kSelect + where.sql() + " GROUP BY cr.assigned_staff_id, cr.upload_id, cr.status";
  for (const StatusGroup& g : read_rows(c, kStatusGroup, sql, where.params()))
    add_bucket(out, g.staff_id, g.upload_id, status_of(g.status), g.contacts, g.value_paise);
  return out;
}

}  // namespace rx::reports
