#pragma once

#include "contacts/best_time_source.h"
#include "core/clock.h"
#include "insights/contact_times.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>

namespace rx::insights_api {

// How long a shop's own figures (its calls of the last kDefaultContactTimesDays, its best
// window) are reused before they are read again; a call logged through this process forgets
// them at once, one logged through another server is seen within this time.
inline constexpr std::int64_t kShopTimesTtlMs = 60 * 1000;

// Each contact's best time to call (contacts::BestTimeSource): from its own calls when it has
// contacts::kBestTimeOwnCalls or more (insights::contact_best_window, shrunk towards the shop),
// else the shop's best window. The list stays cheap: the shop's figures are cached per shop, and
// the contacts' own calls are read in one query per page.
class BestTimeService : public contacts::BestTimeSource {
 public:
  BestTimeService(storage::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

  void fill(const auth::Principal& actor, std::span<contacts::Contact> contacts) override;
  void calls_changed(core::ShopId shop) noexcept override;

 private:
  struct ShopTimes {
    std::int64_t read_at_ms = 0;
    insights::CallWindow call_window;
    insights::WeekHourCounts counts;
    double prior = 0.5;                        // the shop's overall reach rate
    std::optional<insights::TimeWindow> best;  // empty: the shop has no calls in its hours
  };

  ShopTimes read_shop(storage::Connection& c, const auth::Principal& actor) const;

  storage::Database& db_;
  const core::Clock& clock_;
  std::mutex mutex_;
  std::map<std::int64_t, ShopTimes> shops_;  // by shop id
};

}  // namespace rx::insights_api
