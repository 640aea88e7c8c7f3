#include "refills/refill_service.h"

#include "core/error.h"
#include "core/time_zone.h"
#include "refills/refill_repository.h"

namespace rx::refills {
namespace {

using core::AppError;
using core::ErrorCode;

core::ShopId shop_of(const auth::Principal& actor) { return core::ShopId(actor.shop_id); }
core::StaffId staff_of(const auth::Principal& actor) { return core::StaffId(actor.staff_id); }

}  // namespace

std::string RefillService::today(const auth::Principal& actor) const {
  return core::local_date(clock_.now_ms(), actor.time_zone);
}

RefillPage RefillService::list(const auth::Principal& actor, RefillFilter filter,
                               bool default_window, std::int64_t limit, std::int64_t offset,
                               RefillSort sort) {
  RefillPage page;
  page.today = today(actor);
  if (default_window) {
    if (!filter.status) filter.status = RefillStatus::kPending;
    if (!filter.to && !filter.from) filter.to = page.today;
    filter.hide_while_messaging = true;
  }
  db_.with_connection([&](storage::Connection& c) {
    page.items = RefillRepository::list(c, shop_of(actor), filter, limit, offset, sort);
    page.total = RefillRepository::count(c, shop_of(actor), filter);
  });
  return page;
}

RefillReminder RefillService::open_reminder(storage::Connection& c, const auth::Principal& actor,
                                            core::RefillReminderId id, bool allow_closed) {
  auto found = RefillRepository::find(c, shop_of(actor), id);
  if (!found) core::throw_not_found("refill reminder");
  if (!allow_closed && !is_open(found->status)) {
    const std::string status(core::enum_name(found->status));
    throw AppError(ErrorCode::kConflict, "this reminder is already " + status,
                   {{"status", status}});
  }
  return *found;
}

RefillReminder RefillService::mark_sent(const auth::Principal& actor, core::RefillReminderId id,
                                        RefillChannel channel,
                                        const std::optional<std::string>& note) {
  RefillReminder result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    open_reminder(c, actor, id, false);
    const std::int64_t now = clock_.now_ms();
    RefillRepository::mark_sent(c, shop_of(actor), id, channel, staff_of(actor), now);
    RefillRepository::add_event(c, shop_of(actor), id, "sent", channel, std::nullopt, note,
                                staff_of(actor), now);
    result = *RefillRepository::find(c, shop_of(actor), id);
  });
  return result;
}

RefillReminder RefillService::respond(const auth::Principal& actor, core::RefillReminderId id,
                                      RefillResponse response,
                                      const std::optional<std::string>& note) {
  RefillReminder result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    open_reminder(c, actor, id, false);
    const std::int64_t now = clock_.now_ms();
    RefillRepository::record_response(c, shop_of(actor), id, response, note, now);
    RefillRepository::add_event(c, shop_of(actor), id, "response", std::nullopt, response, note,
                                staff_of(actor), now);
    result = *RefillRepository::find(c, shop_of(actor), id);
  });
  return result;
}

RefillReminder RefillService::cancel(const auth::Principal& actor, core::RefillReminderId id) {
  RefillReminder result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const RefillReminder current = open_reminder(c, actor, id, true);
    switch (current.status) {
      case RefillStatus::kRefilled:
        throw AppError(ErrorCode::kConflict, "this reminder is already refilled",
                       {{"status", "refilled"}});
      case RefillStatus::kCancelled:
        break;  // nothing to change
      case RefillStatus::kPending:
      case RefillStatus::kSent:
      case RefillStatus::kResponded: {
        const std::int64_t now = clock_.now_ms();
        RefillRepository::cancel(c, shop_of(actor), id, now);
        RefillRepository::add_event(c, shop_of(actor), id, "cancelled", std::nullopt, std::nullopt,
                                    std::nullopt, staff_of(actor), now);
        break;
      }
    }
    result = *RefillRepository::find(c, shop_of(actor), id);
  });
  return result;
}

}  // namespace rx::refills
