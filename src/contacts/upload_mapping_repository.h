#pragma once

#include "core/strong_id.h"
#include "import/sheet_choice.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>

namespace rx::contacts {

// A shop's last mapping for sheets whose header signature is `signature`.
struct SavedMapping {
  std::string signature;
  std::string sheet_name;
  import::SavedLayout layout;
  std::int64_t updated_at = 0;
};

using SavedMappings = std::unordered_map<std::string, SavedMapping>;

// SQL for upload_mappings: one mapping per (shop, signature), the newest kept.
//
// Failures, for every function below: a driver failure is thrown as core::AppError with the code
// storage/driver_error.h gives it (kConflict for a unique key, kValidation for a broken check or
// foreign key, kUnavailable for a busy or lost database, else kInternal); a row holding a state
// this version does not know throws kInternal (storage/codec.h). A missing row is not a failure:
// a find answers nullopt and a write to it changes nothing.
class UploadMappingRepository {
 public:
  // Every mapping the shop has saved, by signature (a shop has one per kind of sheet it uploads).
  static SavedMappings all(storage::Connection& c, core::ShopId shop_id);
  // Inserts the mapping, or replaces the shop's mapping for the same signature.
  static void save(storage::Connection& c, core::ShopId shop_id, const SavedMapping& mapping,
                   std::optional<core::StaffId> saved_by);
};

// A LayoutLookup over `mappings` (which must outlive it).
rx::import::LayoutLookup lookup_in(const SavedMappings& mappings);

}  // namespace rx::contacts
