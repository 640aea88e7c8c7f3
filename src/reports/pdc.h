#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::reports {

inline constexpr int kAdherenceWindowDays = 180;
inline constexpr double kAdherentPdc = 80.0;

// One purchase of a medicine with a known supply.
struct PdcPurchase {
  std::string medicine_key;  // purchases are grouped by this
  std::string medicine;      // as written on the bill
  std::string purchased_on;  // shop-local date
  int duration_days = 0;
};

struct MedicinePdc {
  std::string medicine;  // the name on its latest purchase
  double pdc = 0;        // not rounded
  int purchases = 0;
  std::string supply_ends_on;  // the last day covered by its last supply
};

struct CustomerPdc {
  double pdc = 0;                      // mean of the medicines' PDC, not rounded
  std::vector<MedicinePdc> medicines;  // in medicine_key order
  std::string last_purchase_on;        // of any medicine with a duration, in the window
  int days_without_supply = 0;         // as_of - the latest supply end of `medicines`, at least 0
};

// Proportion of days covered, over the `window_days` days ending `as_of` inclusive, from one
// customer's purchases. Only purchases inside the window count, and only medicines bought at
// least twice there. A medicine's period runs from its first purchase in the window to `as_of`;
// walking its purchases in date order, each supply starts on its purchase date or the day after
// the previous supply ends, whichever is later (overlaps are carried forward), and lasts
// `duration_days`; days covered are counted inside the period only. No value when no medicine
// qualifies. Pure; throws nothing for dates in the shop's "YYYY-MM-DD" form.
std::optional<CustomerPdc> customer_pdc(std::vector<PdcPurchase> purchases, std::string_view as_of,
                                        int window_days = kAdherenceWindowDays);

}  // namespace rx::reports
