#include "core/time_zone.h"
#include "reports/adherence_repository.h"
#include "reports/percent.h"
#include "reports/report_builders.h"
#include "reports/report_calculations.h"

#include <algorithm>
#include <tuple>

namespace rx::reports {

AdherenceReport build_adherence_report(storage::Connection& c, const auth::Principal& actor,
                                       const std::string& as_of, AdherenceSort sort) {
  AdherenceReport report;
  report.as_of = as_of;
  const std::string from = core::add_days(as_of, 1 - kAdherenceWindowDays);
  const auto risks = AdherenceRepository::open_lapse_risks(c, core::ShopId{actor.shop_id});
  for (CustomerPurchases& customer :
       AdherenceRepository::chronic_purchases(c, core::ShopId{actor.shop_id}, from, as_of)) {
    std::optional<CustomerPdc> pdc = customer_pdc(std::move(customer.purchases), as_of);
    if (!pdc) continue;
    // Shown, bucketed and compared with the threshold as the 2-decimal figure people see.
    const double shown = round2(pdc->pdc);
    ++report.customers;
    ++report.distribution[pdc_bucket(shown)];
    if (shown >= kAdherentPdc) {
      ++report.adherent;
      continue;
    }
    // below_threshold is whom to call first: counted above, but never listed to call.
    if (customer.do_not_contact) continue;
    AdherenceRow row{customer.customer_id, customer.name, customer.phone, *pdc, {}, {}};
    if (const auto risk = risks.find(customer.customer_id.value()); risk != risks.end()) {
      row.lapse_risk_ppm = risk->second.first;
      row.lapse_risk = risk->second.second;
    }
    report.below_threshold.push_back(std::move(row));
  }
  std::sort(report.below_threshold.begin(), report.below_threshold.end(),
            [sort](const AdherenceRow& a, const AdherenceRow& b) {
              if (sort == AdherenceSort::kRisk) {
                // Highest risk first, rows without one (-1) last.
                const std::int64_t ra = a.lapse_risk_ppm.value_or(-1);
                const std::int64_t rb = b.lapse_risk_ppm.value_or(-1);
                if (ra != rb) return ra > rb;
              }
              return std::tuple(round2(a.pdc.pdc), a.customer_id) <
                     std::tuple(round2(b.pdc.pdc), b.customer_id);
            });
  return report;
}

}  // namespace rx::reports
