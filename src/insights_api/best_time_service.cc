#include "insights_api/best_time_service.h"

#include "core/time_zone.h"
#include "insights_api/contact_times_repository.h"
#include "insights_api/contact_times_service.h"
#include "shops/shop_repository.h"

#include <algorithm>
#include <vector>

namespace rx::insights_api {
namespace {

using contacts::BestTime;
using contacts::BestTimeBasis;

BestTime best_time_of(const insights::TimeWindow& w, BestTimeBasis basis) {
  return BestTime{w.start_hour, w.end_hour, w.weekday, basis};
}

}  // namespace

BestTimeService::ShopTimes BestTimeService::read_shop(storage::Connection& c,
                                                      const auth::Principal& actor) const {
  ShopTimes out;
  const std::int64_t now = clock_.now_ms();
  out.read_at_ms = now;
  if (auto shop = shops::ShopRepository::find(c, actor.shop_id))
    out.call_window = {shop->call_window_start, shop->call_window_end};
  // The contact-times answer's default span: the last kDefaultContactTimesDays shop-local days.
  const std::string today = core::local_date(now, actor.time_zone);
  const CallQuery query{
      core::start_of_local_day(core::add_days(today, -(kDefaultContactTimesDays - 1)),
                               actor.time_zone),
      core::start_of_local_day(core::add_days(today, 1), actor.time_zone), std::nullopt};
  for (const CallAttempt& call :
       ContactTimesRepository::call_attempts(c, core::ShopId(actor.shop_id), query)) {
    if (!is_call_attempt(call.outcome)) continue;
    const core::LocalWeekHour at = core::local_week_hour(call.occurred_at, actor.time_zone);
    out.counts.add(at.weekday, at.hour, is_reached(call.outcome));
  }
  const insights::ContactTimes summary =
      insights::summarise_contact_times(out.counts, out.call_window);
  out.prior = summary.overall_estimate.rate;
  if (!summary.best.empty()) out.best = summary.best.front();
  return out;
}

void BestTimeService::fill(const auth::Principal& actor, std::span<contacts::Contact> contacts) {
  if (contacts.empty()) return;
  const std::int64_t now = clock_.now_ms();
  std::optional<ShopTimes> shop;
  {
    std::lock_guard lock(mutex_);
    auto it = shops_.find(actor.shop_id);
    if (it != shops_.end() && now - it->second.read_at_ms < kShopTimesTtlMs &&
        now >= it->second.read_at_ms)
      shop = it->second;
  }
  std::vector<ContactCallAttempt> calls;
  std::vector<std::int64_t> ids;
  ids.reserve(contacts.size());
  for (const contacts::Contact& contact : contacts) ids.push_back(contact.id);
  db_.with_connection([&](storage::Connection& c) {
    if (!shop) shop = read_shop(c, actor);
    calls = ContactTimesRepository::contact_call_attempts(c, core::ShopId(actor.shop_id), ids);
  });
  {
    std::lock_guard lock(mutex_);
    ShopTimes& cached = shops_[actor.shop_id];
    if (cached.read_at_ms <= shop->read_at_ms) cached = *shop;
  }

  // Calls grouped by contact: each contact's week of hours is counted in one reused table.
  std::erase_if(calls,
                [](const ContactCallAttempt& call) { return !is_call_attempt(call.outcome); });
  std::sort(calls.begin(), calls.end(),
            [](const auto& a, const auto& b) { return a.contact_id < b.contact_id; });
  const auto by_contact = [](const ContactCallAttempt& call, std::int64_t id) {
    return call.contact_id < id;
  };
  for (contacts::Contact& contact : contacts) {
    contact.best_time.reset();
    const auto first = std::lower_bound(calls.begin(), calls.end(), contact.id, by_contact);
    auto last = first;
    while (last != calls.end() && last->contact_id == contact.id) ++last;
    if (last - first >= contacts::kBestTimeOwnCalls) {
      insights::WeekHourCounts own;
      for (auto call = first; call != last; ++call) {
        const core::LocalWeekHour at = core::local_week_hour(call->occurred_at, actor.time_zone);
        own.add(at.weekday, at.hour, is_reached(call->outcome));
      }
      if (auto w =
              insights::contact_best_window(own, shop->counts, shop->call_window, shop->prior)) {
        contact.best_time = best_time_of(*w, BestTimeBasis::kContact);
        continue;
      }
    }
    if (shop->best) contact.best_time = best_time_of(*shop->best, BestTimeBasis::kShop);
  }
}

void BestTimeService::calls_changed(core::ShopId shop) noexcept {
  std::lock_guard lock(mutex_);
  shops_.erase(shop.value());
}

}  // namespace rx::insights_api
