#pragma once

#include "core/strong_id.h"
#include "insights/refill_features.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace rx::insights_api {

// A refill has lapsed when the customer did not buy the medicine again by this many days after
// it ran out; a reminder is labelled once that day is over.
inline constexpr int kLapseGraceDays = 7;

// One reminder of the training history: what was known of its customer at `as_of`, when its
// medicine ran out (the start of that day, for the time-based holdout) and whether it lapsed.
struct LabelledReminder {
  core::RefillReminderId id;
  insights::RefillSnapshot snapshot;
  std::int64_t runs_out_at = 0;
  std::int64_t as_of = 0;
  bool lapsed = false;
};

struct OpenReminder {
  core::RefillReminderId id;
  insights::RefillSnapshot snapshot;
};

// Reads what the lapse risk may know of a shop's refill reminders at a moment ("as of"): only
// purchases billed by then, answers given by then, earlier refills whose 7 days after running out
// were over by then, a WhatsApp status only when it was set by then. Nothing later ever reaches a
// snapshot. Each set is read with one query per table (reminders, purchases, customers), never
// one per row; every statement is scoped by the shop. A reminder's medicine is matched by the
// medicine_key the refill code stores. Throws the driver's failures (storage/driver_error.h).
class RefillFeatureRepository {
 public:
  // nullopt when the reminder is not in the shop.
  static std::optional<insights::RefillSnapshot> snapshot(storage::Connection& c,
                                                          core::ShopId shop_id,
                                                          core::RefillReminderId id,
                                                          std::int64_t as_of_ms);
  // Every open (pending or sent) reminder of the shop, in id order; with `unscored_only`, only
  // those without a lapse risk yet (made by a bill since the last scoring).
  static std::vector<OpenReminder> open_reminders(storage::Connection& c, core::ShopId shop_id,
                                                  std::int64_t as_of_ms, bool unscored_only);
  // Reminders whose run-out day + kLapseGraceDays is before the shop's today at `now_ms`, each
  // as known at the moment it was scored for the list (see the .cc), with its label: 1 when the
  // customer bought none of that medicine from the reminder's first day (run-out - lead) to
  // run-out + 7 days (the purchase that made the reminder does not count).
  static std::vector<LabelledReminder> labelled(storage::Connection& c, core::ShopId shop_id,
                                                std::int64_t now_ms);
};

}  // namespace rx::insights_api
