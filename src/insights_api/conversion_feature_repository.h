#pragma once

#include "core/strong_id.h"
#include "insights/contact_features.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace rx::insights_api {

inline constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
// A contact is labelled once this long has passed since its upload: converted within it or not.
inline constexpr std::int64_t kConversionWindowMs = 30 * kDayMs;
// Training sees each labelled contact as it was this long after its upload (if still open then),
// the age at which most of a sheet has had its first calls.
inline constexpr std::int64_t kTrainingSnapshotAgeMs = 7 * kDayMs;

// One contact of the training history: what was known of it at `as_of`, when it was uploaded
// (for the time-based holdout) and whether it converted within kConversionWindowMs of that.
struct LabelledContact {
  core::ContactId id;
  insights::ContactSnapshot snapshot;
  std::int64_t uploaded_at = 0;
  std::int64_t as_of = 0;
  bool converted = false;
};

struct OpenContact {
  core::ContactId id;
  insights::ContactSnapshot snapshot;
};

// Reads what the conversion score may know of a shop's contacts at a moment ("as of"): only
// interactions that had happened by then (occurred_at <= as_of), a WhatsApp status only when it
// was set by then, the share of the sheet's contacts converted before then. Nothing later ever
// reaches a snapshot, so a score as of a day is the score the shop would have seen that day.
// Every query is scoped by the shop. Throws the driver's failures (storage/driver_error.h).
class ConversionFeatureRepository {
 public:
  // nullopt when the contact is not in the shop.
  static std::optional<insights::ContactSnapshot> snapshot(storage::Connection& c,
                                                           core::ShopId shop_id, core::ContactId id,
                                                           std::int64_t as_of_ms);
  // What a training of the shop's conversion scorer at `now_ms` reads, from one read of its
  // contacts and one of their interactions.
  struct TrainingRows {
    // Contacts uploaded at least kConversionWindowMs before `now_ms` and still unconverted
    // kTrainingSnapshotAgeMs after their upload, each as known at that age, with its label.
    std::vector<LabelledContact> labelled;
    // Every open (pending or contacted) contact, as known at `now_ms`, in id order.
    std::vector<OpenContact> open;
  };
  static TrainingRows training_rows(storage::Connection& c, core::ShopId shop_id,
                                    std::int64_t now_ms);
};

}  // namespace rx::insights_api
