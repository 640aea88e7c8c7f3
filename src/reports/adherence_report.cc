#include "core/time_zone.h"
#include "reports/adherence_repository.h"
#include "reports/percent.h"
#include "reports/report_builders.h"
#include "reports/report_calculations.h"

#include <algorithm>
#include <tuple>

namespace rx::reports {

AdherenceReport build_adherence_report(storage::Connection& c, const auth::Principal& actor,
                                       const std::string& as_of) {
  AdherenceReport report;
  report.as_of = as_of;
  const std::string from = core::add_days(as_of, 1 - kAdherenceWindowDays);
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
    report.below_threshold.push_back({customer.customer_id, customer.name, customer.phone, *pdc});
  }
  std::sort(report.below_threshold.begin(), report.below_threshold.end(),
            [](const AdherenceRow& a, const AdherenceRow& b) {
              return std::tuple(round2(a.pdc.pdc), a.customer_id) <
                     std::tuple(round2(b.pdc.pdc), b.customer_id);
            });
  return report;
}

}  // namespace rx::reports
