#include "refills/refill_service.h"

#include "core/error.h"
#include "core/time_zone.h"
#include "refills/refill_repository.h"

namespace rx::refills {

using core::AppError;
using core::ErrorCode;

std::string RefillService::today(const auth::Principal& actor) const {
  return core::local_date(clock_.now_ms(), actor.time_zone);
}

RefillPage RefillService::list(const auth::Principal& actor, RefillFilter filter,
                               bool default_window, std::int64_t limit, std::int64_t offset) {
  RefillPage page;
  page.today = today(actor);
  if (default_window) {
    if (!filter.status) filter.status = "pending";
    if (!filter.to && !filter.from) filter.to = page.today;
    filter.hide_while_messaging = true;
  }
  db_.with_connection([&](storage::Connection& c) {
    page.items = RefillRepository::list(c, actor.shop_id, filter, limit, offset);
    page.total = RefillRepository::count(c, actor.shop_id, filter);
  });
  return page;
}

RefillReminder RefillService::open_reminder(storage::Connection& c, const auth::Principal& actor,
                                            std::int64_t id, bool allow_closed) {
  auto found = RefillRepository::find(c, actor.shop_id, id);
  if (!found) core::throw_not_found("refill reminder");
  if (!allow_closed && !is_open(found->status)) {
    throw AppError(ErrorCode::kConflict, "this reminder is already " + found->status,
                   {{"status", found->status}});
  }
  return *found;
}

RefillReminder RefillService::mark_sent(const auth::Principal& actor, std::int64_t id,
                                        const std::string& channel,
                                        const std::optional<std::string>& note) {
  RefillReminder result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    open_reminder(c, actor, id, false);
    const std::int64_t now = clock_.now_ms();
    RefillRepository::mark_sent(c, actor.shop_id, id, channel, actor.staff_id, now);
    RefillRepository::add_event(c, actor.shop_id, id, "sent", channel, std::nullopt, note,
                                actor.staff_id, now);
    result = *RefillRepository::find(c, actor.shop_id, id);
  });
  return result;
}

RefillReminder RefillService::respond(const auth::Principal& actor, std::int64_t id,
                                      const std::string& response,
                                      const std::optional<std::string>& note) {
  RefillReminder result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    open_reminder(c, actor, id, false);
    const std::int64_t now = clock_.now_ms();
    RefillRepository::record_response(c, actor.shop_id, id, response, note, now);
    RefillRepository::add_event(c, actor.shop_id, id, "response", std::nullopt, response, note,
                                actor.staff_id, now);
    result = *RefillRepository::find(c, actor.shop_id, id);
  });
  return result;
}

RefillReminder RefillService::cancel(const auth::Principal& actor, std::int64_t id) {
  RefillReminder result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    RefillReminder current = open_reminder(c, actor, id, true);
    if (current.status == "refilled") {
      throw AppError(ErrorCode::kConflict, "this reminder is already refilled",
                     {{"status", "refilled"}});
    }
    if (current.status != "cancelled") {
      const std::int64_t now = clock_.now_ms();
      RefillRepository::cancel(c, actor.shop_id, id, now);
      RefillRepository::add_event(c, actor.shop_id, id, "cancelled", std::nullopt, std::nullopt,
                                  std::nullopt, actor.staff_id, now);
    }
    result = *RefillRepository::find(c, actor.shop_id, id);
  });
  return result;
}

}  // namespace rx::refills
