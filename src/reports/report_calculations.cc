#include "reports/report_calculations.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace rx::reports {

std::vector<TimeseriesPoint> fill_points(const ReportWindow& window, TimeseriesInterval interval,
                                         const std::vector<TimeseriesPoint>& daily) {
  const bool weekly = interval == TimeseriesInterval::kWeek;
  std::vector<TimeseriesPoint> points;
  for (const std::string& date : weekly ? each_week(window) : each_day(window))
    points.push_back({date, 0, 0});
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < points.size(); ++i) index[points[i].date] = i;
  for (const TimeseriesPoint& event : daily) {
    if (event.date < window.from || event.date > window.to) continue;
    auto it = index.find(weekly ? week_start(event.date) : event.date);
    if (it == index.end()) continue;
    points[it->second].count += event.count;
    points[it->second].amount_paise += event.amount_paise;
  }
  return points;
}

std::vector<WeekVisits> weekly_visits(const ReportWindow& window,
                                      const std::vector<CustomerVisit>& visits) {
  std::vector<WeekVisits> weeks;
  std::map<std::string, std::size_t> index;
  for (const std::string& monday : each_week(window)) {
    index[monday] = weeks.size();
    weeks.push_back({monday, 0, 0});
  }
  std::set<std::pair<std::int64_t, std::string>> counted;
  for (const CustomerVisit& v : visits) {
    if (v.bill_date < window.from || v.bill_date > window.to) continue;
    const std::string week = week_start(v.bill_date);
    if (!counted.insert({v.customer_id, week}).second) continue;
    WeekVisits& w = weeks[index.at(week)];
    if (week_start(v.first_bill_date) == week) {
      ++w.new_customers;
    } else {
      ++w.returning;
    }
  }
  return weeks;
}

std::vector<MedicineCount> top_medicines(const std::vector<RefilledMedicine>& rows,
                                         std::size_t limit) {
  struct Tally {
    std::int64_t total = 0;
    std::int64_t best_spelling_count = 0;
    std::string spelling;
  };
  std::map<std::string, Tally> by_key;
  for (const RefilledMedicine& r : rows) {
    Tally& t = by_key[r.medicine_key];
    t.total += r.count;
    const bool better = r.count > t.best_spelling_count ||
                        (r.count == t.best_spelling_count && r.medicine < t.spelling);
    if (t.spelling.empty() || better) {
      t.best_spelling_count = r.count;
      t.spelling = r.medicine;
    }
  }
  std::vector<MedicineCount> out;
  for (const auto& [key, t] : by_key) out.push_back({t.spelling, t.total});
  std::sort(out.begin(), out.end(), [](const MedicineCount& a, const MedicineCount& b) {
    return std::tie(b.count, a.medicine) < std::tie(a.count, b.medicine);
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

int pdc_bucket(double pdc) { return std::clamp(static_cast<int>(pdc / 10.0), 0, 9); }

}  // namespace rx::reports
