#include "reports/pdc.h"

#include "core/time_zone.h"

#include <algorithm>
#include <tuple>

namespace rx::reports {
namespace {

// `purchases` is one medicine's, in date order, at least two.
MedicinePdc medicine_pdc(const std::vector<const PdcPurchase*>& purchases, std::string_view as_of) {
  const std::string& period_start = purchases.front()->purchased_on;
  const int period_days = core::days_between(period_start, as_of) + 1;
  int covered = 0;
  std::string previous_end;  // last covered day of the previous supply
  for (const PdcPurchase* p : purchases) {
    std::string start = p->purchased_on;
    if (!previous_end.empty()) start = std::max(start, core::add_days(previous_end, 1));
    const std::string end = core::add_days(start, p->duration_days - 1);
    const std::string last_counted = std::min(end, std::string(as_of));
    if (start <= last_counted) covered += core::days_between(start, last_counted) + 1;
    previous_end = end;
  }
  MedicinePdc out;
  out.medicine = purchases.back()->medicine;
  out.purchases = static_cast<int>(purchases.size());
  out.supply_ends_on = previous_end;
  out.pdc = std::min(100.0, 100.0 * covered / period_days);
  return out;
}

}  // namespace

std::optional<CustomerPdc> customer_pdc(std::vector<PdcPurchase> purchases, std::string_view as_of,
                                        int window_days) {
  const std::string window_start = core::add_days(as_of, 1 - window_days);
  std::erase_if(purchases, [&](const PdcPurchase& p) {
    return p.duration_days <= 0 || p.purchased_on < window_start || p.purchased_on > as_of;
  });
  std::stable_sort(purchases.begin(), purchases.end(), [](const auto& a, const auto& b) {
    return std::tie(a.medicine_key, a.purchased_on) < std::tie(b.medicine_key, b.purchased_on);
  });

  CustomerPdc out;
  for (const PdcPurchase& p : purchases)
    out.last_purchase_on = std::max(out.last_purchase_on, p.purchased_on);
  double sum = 0;
  std::string latest_end;
  for (std::size_t i = 0; i < purchases.size();) {
    std::vector<const PdcPurchase*> same;
    std::size_t j = i;
    for (; j < purchases.size() && purchases[j].medicine_key == purchases[i].medicine_key; ++j)
      same.push_back(&purchases[j]);
    i = j;
    if (same.size() < 2) continue;
    MedicinePdc medicine = medicine_pdc(same, as_of);
    sum += medicine.pdc;
    latest_end = std::max(latest_end, medicine.supply_ends_on);
    out.medicines.push_back(std::move(medicine));
  }
  if (out.medicines.empty()) return std::nullopt;
  out.pdc = sum / static_cast<double>(out.medicines.size());
  out.days_without_supply = std::max(0, core::days_between(latest_end, as_of));
  return out;
}

}  // namespace rx::reports
