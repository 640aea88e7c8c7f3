#pragma once

#include "core/strong_id.h"
#include "storage/conditions.h"
#include "storage/database.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::contacts {

struct Upload {
  std::int64_t id = 0;
  std::string file_name;
  std::string file_format;
  std::optional<std::int64_t> uploaded_by;
  std::optional<std::string> uploaded_by_name;
  std::int64_t total_rows = 0;
  std::int64_t imported = 0;
  std::int64_t duplicates = 0;
  std::int64_t invalid_rows = 0;
  std::int64_t created_at = 0;
};

struct UploadError {
  std::int64_t row_number = 0;
  std::string value;
  std::string reason;
};

// SQL for contact_uploads and contact_upload_errors. Every statement is scoped by shop_id.
//
// Failures, for every function below: a driver failure is thrown as core::AppError with the code
// storage/driver_error.h gives it (kConflict for a unique key, kValidation for a broken check or
// foreign key, kUnavailable for a busy or lost database, else kInternal); a row holding a state
// this version does not know throws kInternal (storage/codec.h). A missing row is not a failure:
// a find answers nullopt and a write to it changes nothing.
class UploadRepository {
 public:
  // A new upload, its counts 0 until set_counts.
  static core::UploadId insert(storage::Connection& c, core::ShopId shop_id,
                               const std::string& file_name, const std::string& file_format,
                               std::optional<core::StaffId> uploaded_by, std::int64_t now_ms);
  static void set_counts(storage::Connection& c, core::ShopId shop_id, core::UploadId id,
                         std::int64_t total_rows, std::int64_t imported, std::int64_t duplicates,
                         std::int64_t invalid_rows);
  // The detected format of the uploaded file ("xlsx", "xls" or "text").
  static void set_file_format(storage::Connection& c, core::ShopId shop_id, core::UploadId id,
                              std::string_view file_format);
  // The largest contact id so far (0: none): an import's contacts get ids above it.
  static core::ContactId last_contact_id(storage::Connection& c);
  // Records that the upload's contacts have ids in [first, the largest id now].
  static void set_contact_range(storage::Connection& c, core::ShopId shop_id, core::UploadId id,
                                core::ContactId first_contact_id);
  // Narrows contacts (aliased cr) to one upload's: its id range through an index, then upload_id.
  static void add_contacts_of(storage::Conditions& where, core::ShopId shop_id,
                              core::UploadId upload_id);
  static void insert_errors(storage::Connection& c, core::ShopId shop_id, core::UploadId upload_id,
                            const std::vector<UploadError>& errors);
  static std::optional<Upload> find(storage::Connection& c, core::ShopId shop_id,
                                    core::UploadId id);
  // Newest first.
  static std::vector<Upload> list(storage::Connection& c, core::ShopId shop_id, std::int64_t limit,
                                  std::int64_t offset);
  static std::int64_t count(storage::Connection& c, core::ShopId shop_id);
  // Every problem row of the upload, in row order (the errors.csv download).
  static std::vector<UploadError> errors(storage::Connection& c, core::ShopId shop_id,
                                         core::UploadId upload_id);
  // One page of them, in row order.
  static std::vector<UploadError> errors(storage::Connection& c, core::ShopId shop_id,
                                         core::UploadId upload_id, std::int64_t limit,
                                         std::int64_t offset);
  static std::int64_t count_errors(storage::Connection& c, core::ShopId shop_id,
                                   core::UploadId upload_id);
};

}  // namespace rx::contacts
