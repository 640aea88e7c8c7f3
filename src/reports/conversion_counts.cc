#include "reports/conversion_counts.h"

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
  if (scope.upload_id) where.add("cr.upload_id = ?", {*scope.upload_id});
  if (scope.staff_id) where.add("cr.assigned_staff_id = ?", {*scope.staff_id});
}

ConversionBreakdown count_conversions(storage::Connection& c, std::int64_t shop_id,
                                      const ContactScope& scope) {
  storage::Conditions where;
  add_contact_scope(where, shop_id, scope);
  const storage::ResultSet rows = c.query(
      "SELECT cr.assigned_staff_id, cr.upload_id, cr.status, COUNT(*), "
      "CAST(COALESCE(SUM(cr.conversion_value_paise), 0) AS BIGINT) "
      "FROM contact_records cr" +
          where.sql() + " GROUP BY cr.assigned_staff_id, cr.upload_id, cr.status",
      where.params());
  ConversionBreakdown out;
  for (const storage::Row& r : rows.rows) {
    ConversionCounts counts;
    const std::string status = r.text_at(2);
    const std::int64_t n = r.int_at(3);
    counts.total = n;
    if (status == "pending") counts.pending = n;
    if (status == "contacted") counts.contacted = n;
    if (status == "yellow") counts.yellow = n;
    if (status == "converted") {
      counts.converted = n;
      counts.conversion_value_paise = r.int_at(4);
    }
    out.totals += counts;
    if (auto staff = r[0].as_opt_int()) out.by_staff[*staff] += counts;
    if (auto upload = r[1].as_opt_int()) out.by_upload[*upload] += counts;
  }
  return out;
}

}  // namespace rx::reports
