#include "core/error.h"
#include "core/time_zone.h"
#include "reports/conversion_repository.h"
#include "reports/report_builders.h"

#include <algorithm>
#include <tuple>

namespace rx::reports {

std::pair<std::int64_t, std::int64_t> window_instants(const ReportWindow& window,
                                                      const std::string& time_zone) {
  return {core::start_of_local_day(window.from, time_zone),
          core::start_of_local_day(core::add_days(window.to, 1), time_zone)};
}

ConversionReport build_conversion_report(storage::Connection& c, const auth::Principal& actor,
                                         const ConversionQuery& query, std::int64_t now_ms) {
  const core::ShopId shop{actor.shop_id};
  if (query.upload_id && !ConversionRepository::upload_exists(c, shop, *query.upload_id))
    core::throw_not_found("upload");
  if (query.staff_id && !ConversionRepository::staff_exists(c, shop, *query.staff_id))
    core::throw_not_found("staff member");

  ContactScope scope{std::nullopt, std::nullopt, query.upload_id, query.staff_id};
  std::optional<std::string> from;
  std::optional<std::string> to;
  if (query.window) {
    std::tie(scope.created_from_ms, scope.created_before_ms) =
        window_instants(*query.window, actor.time_zone);
    from = query.window->from;
    to = query.window->to;
  }

  ConversionReport report;
  report.window = query.window;
  const ConversionBreakdown counts = count_conversions(c, shop, scope);
  report.totals = counts.totals;
  report.inbound_contacts = counts.from_inbound.total;
  report.self_reported_contacted =
      ConversionRepository::self_reported_contacted(c, shop, from, to, scope);

  std::vector<core::StaffId> holders;
  for (const auto& [staff_id, unused] : counts.by_staff) holders.push_back(staff_id);
  const auto interactions = ConversionRepository::interactions_by_staff(c, shop, scope);
  const auto overdue = ConversionRepository::overdue_follow_ups_by_staff(c, shop, scope, now_ms);
  auto count_of = [](const std::map<core::StaffId, std::int64_t>& m, core::StaffId id) {
    auto it = m.find(id);
    return it == m.end() ? std::int64_t{0} : it->second;
  };
  for (const StaffName& s : ConversionRepository::staff(c, shop, holders, query.staff_id)) {
    StaffConversion row;
    row.staff_id = s.id;
    row.name = s.name;
    if (auto it = counts.by_staff.find(s.id); it != counts.by_staff.end()) row.counts = it->second;
    row.interactions = count_of(interactions, s.id);
    row.follow_ups_overdue = count_of(overdue, s.id);
    report.by_staff.push_back(std::move(row));
  }
  std::sort(report.by_staff.begin(), report.by_staff.end(), [](const auto& a, const auto& b) {
    return std::tie(a.name, a.staff_id) < std::tie(b.name, b.staff_id);
  });

  for (const UploadName& u : ConversionRepository::uploads(c, shop, scope)) {
    UploadConversion row{u.id, u.file_name, u.created_at, {}};
    if (auto it = counts.by_upload.find(u.id); it != counts.by_upload.end())
      row.counts = it->second;
    report.by_upload.push_back(std::move(row));
  }
  return report;
}

}  // namespace rx::reports
