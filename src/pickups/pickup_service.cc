#include "pickups/pickup_service.h"

#include "core/error.h"

namespace rx::pickups {
namespace {

using core::AppError;
using core::ErrorCode;

core::ShopId shop_of(const auth::Principal& actor) { return core::ShopId(actor.shop_id); }

Pickup existing(storage::Connection& c, const auth::Principal& actor, PickupId id) {
  auto found = PickupRepository::find(c, shop_of(actor), id);
  if (!found) core::throw_not_found("pickup");
  return *found;
}

[[noreturn]] void throw_closed(const Pickup& pickup) {
  const std::string status(core::enum_name(pickup.status));
  throw AppError(ErrorCode::kConflict, "this pickup is already " + status, {{"status", status}});
}

}  // namespace

PickupPage PickupService::list(const auth::Principal& actor, const PickupFilter& filter,
                               std::int64_t limit, std::int64_t offset) {
  PickupPage page;
  db_.with_connection([&](storage::Connection& c) {
    page.items = PickupRepository::list(c, shop_of(actor), filter, limit, offset);
    page.total = PickupRepository::count(c, shop_of(actor), filter);
  });
  return page;
}

Pickup PickupService::ready(const auth::Principal& actor, PickupId id) {
  Pickup result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const Pickup current = existing(c, actor, id);
    if (current.status == PickupStatus::kCollected || current.status == PickupStatus::kCancelled) {
      throw_closed(current);
    }
    PickupRepository::mark_ready(c, shop_of(actor), id, core::StaffId(actor.staff_id),
                                 clock_.now_ms());
    result = existing(c, actor, id);
  });
  return result;
}

Pickup PickupService::cancel(const auth::Principal& actor, PickupId id) {
  Pickup result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const Pickup current = existing(c, actor, id);
    if (current.status == PickupStatus::kCollected) throw_closed(current);
    PickupRepository::cancel(c, shop_of(actor), id, core::StaffId(actor.staff_id), clock_.now_ms());
    result = existing(c, actor, id);
  });
  return result;
}

}  // namespace rx::pickups
