#pragma once

#include "contacts/contact_types.h"
#include "storage/database.h"

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace rx::contacts {

// One bucket of the contact_counts table: how many of a shop's contacts from one upload, held by
// one staff member (0: nobody), are in one status, and what their conversions were worth.
struct ContactBucket {
  std::int64_t upload_id = 0;  // 0: not from an upload
  std::int64_t staff_id = 0;   // 0: unassigned
  ContactStatus status = ContactStatus::kPending;
  std::int64_t contacts = 0;
  std::int64_t conversion_value_paise = 0;
};

// The counts kept up to date beside contact_records (migration 0005): updates move contacts
// between buckets by trigger; the import adds its own rows here in one statement.
//
// Failures, for every function below: a driver failure is thrown as core::AppError with the code
// storage/driver_error.h gives it (kConflict for a unique key, kValidation for a broken check or
// foreign key, kUnavailable for a busy or lost database, else kInternal); a row holding a state
// this version does not know throws kInternal (storage/codec.h). A missing row is not a failure:
// a find answers nullopt and a write to it changes nothing.
class ContactCounts {
 public:
  // `contacts` new pending, unassigned contacts from `upload_id`.
  // `upload_id` empty: contacts not from an upload (a reply from an unknown number).
  static void add_imported(storage::Connection& c, core::ShopId shop_id,
                           std::optional<core::UploadId> upload_id, std::int64_t contacts);
  // The filter's total from the buckets, or nullopt when the filter needs the rows themselves
  // (search, WhatsApp status, follow-ups).
  static std::optional<std::int64_t> total(storage::Connection& c, core::ShopId shop_id,
                                           const ContactFilter& filter);
  // Open (pending or contacted) contacts per staff member holding any.
  static std::map<core::StaffId, std::int64_t> open_by_staff(storage::Connection& c,
                                                             core::ShopId shop_id);
  // Every non-empty bucket of the shop, optionally of one upload and/or one staff member.
  static std::vector<ContactBucket> buckets(storage::Connection& c, core::ShopId shop_id,
                                            std::optional<core::UploadId> upload_id,
                                            std::optional<core::StaffId> staff_id);
};

}  // namespace rx::contacts
