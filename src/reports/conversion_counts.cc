#include "reports/conversion_counts.h"

#include "contacts/contact_counts.h"
#include "contacts/upload_repository.h"
#include "storage/conditions.h"

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

void add_contact_scope(storage::Conditions& where, std::int64_t shop_id,
                       const ContactScope& scope) {
  where.add("cr.shop_id = ?", {shop_id});
  if (scope.created_from_ms) where.add("cr.created_at >= ?", {*scope.created_from_ms});
  if (scope.created_before_ms) where.add("cr.created_at < ?", {*scope.created_before_ms});
  if (scope.upload_id)
    contacts::UploadRepository::add_contacts_of(where, core::ShopId(shop_id),
                                                core::UploadId(*scope.upload_id));
  if (scope.staff_id) where.add("cr.assigned_staff_id = ?", {*scope.staff_id});
}

namespace {

void add_bucket(ConversionBreakdown& out, std::optional<std::int64_t> staff_id,
                std::optional<std::int64_t> upload_id, const std::string& status, std::int64_t n,
                std::int64_t value_paise) {
  ConversionCounts counts;
  counts.total = n;
  if (status == "pending") counts.pending = n;
  if (status == "contacted") counts.contacted = n;
  if (status == "yellow") counts.yellow = n;
  if (status == "converted") {
    counts.converted = n;
    counts.conversion_value_paise = value_paise;
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

ConversionBreakdown count_conversions(storage::Connection& c, std::int64_t shop_id,
                                      const ContactScope& scope) {
  ConversionBreakdown out;
  // Without a creation window the counts kept per (upload, assignee, status) answer it: a few
  // dozen rows instead of every contact of the shop.
  if (!scope.created_from_ms && !scope.created_before_ms) {
    for (const contacts::ContactBucket& b : contacts::ContactCounts::buckets(
             c, core::ShopId(shop_id),
             scope.upload_id ? std::optional(core::UploadId(*scope.upload_id)) : std::nullopt,
             scope.staff_id ? std::optional(core::StaffId(*scope.staff_id)) : std::nullopt)) {
      add_bucket(out, b.staff_id ? std::optional(b.staff_id) : std::nullopt,
                 b.upload_id ? std::optional(b.upload_id) : std::nullopt,
                 std::string(contacts::to_string(b.status)), b.contacts, b.conversion_value_paise);
    }
    return out;
  }
  storage::Conditions where;
  add_contact_scope(where, shop_id, scope);
  const storage::ResultSet rows = c.query(
      "SELECT cr.assigned_staff_id, cr.upload_id, cr.status, COUNT(*), "
      "CAST(COALESCE(SUM(cr.conversion_value_paise), 0) AS BIGINT) "
      "FROM contact_records cr" +
          where.sql() + " GROUP BY cr.assigned_staff_id, cr.upload_id, cr.status",
      where.params());
  for (const storage::Row& r : rows.rows) {
    add_bucket(out, r[0].as_opt_int(), r[1].as_opt_int(), r.text_at(2), r.int_at(3), r.int_at(4));
  }
  return out;
}

}  // namespace rx::reports
