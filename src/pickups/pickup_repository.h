#pragma once

#include "core/strong_id.h"
#include "pickups/pickup.h"
#include "storage/database.h"

#include <optional>
#include <string_view>
#include <vector>

namespace rx::pickups {

// Which pickups a list shows: the open ones (waiting or ready) by default, or one status.
struct PickupFilter {
  std::optional<PickupStatus> status;  // nullopt: waiting and ready
  std::optional<std::int64_t> customer_id;
};

// SQL for pickups (the Keep ready list). Every statement is scoped by shop_id. Database failures
// are thrown as core::AppError with the codes of storage/driver_error.h; a stored status this
// version does not know is AppError(kInternal).
class PickupRepository {
 public:
  // A waiting pickup for the reminder, unless the reminder has an open one already (then
  // nothing is written). Its id, or nullopt when one was open.
  static std::optional<PickupId> open_for_reminder(storage::Connection& c, core::ShopId shop,
                                                   core::CustomerId customer,
                                                   core::RefillReminderId reminder,
                                                   std::string_view channel,
                                                   std::optional<std::int64_t> inbound_message_id,
                                                   std::int64_t now_ms);
  static std::optional<Pickup> find(storage::Connection& c, core::ShopId shop, PickupId id);
  // Oldest first; customers who were erased are left out.
  static std::vector<Pickup> list(storage::Connection& c, core::ShopId shop,
                                  const PickupFilter& filter, std::int64_t limit,
                                  std::int64_t offset);
  static std::int64_t count(storage::Connection& c, core::ShopId shop, const PickupFilter& filter);
  // waiting -> ready; false when it was not waiting.
  static bool mark_ready(storage::Connection& c, core::ShopId shop, PickupId id,
                         core::StaffId staff, std::int64_t now_ms);
  // waiting or ready -> cancelled; false when it was not open.
  static bool cancel(storage::Connection& c, core::ShopId shop, PickupId id, core::StaffId staff,
                     std::int64_t now_ms);
  // Every open pickup of the customer -> collected by `bill`; the ids collected.
  static std::vector<std::int64_t> collect_for_customer(storage::Connection& c, core::ShopId shop,
                                                        core::CustomerId customer,
                                                        core::BillId bill, std::int64_t now_ms);
};

}  // namespace rx::pickups
