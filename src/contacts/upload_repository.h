#pragma once

#include "storage/conditions.h"
#include "storage/database.h"

#include <optional>
#include <string>
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

// SQL for contact_uploads and contact_upload_errors.
class UploadRepository {
 public:
  static std::int64_t insert(storage::Connection& c, std::int64_t shop_id,
                             const std::string& file_name, const std::string& file_format,
                             std::optional<std::int64_t> uploaded_by, std::int64_t now_ms);
  static void set_counts(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                         std::int64_t total_rows, std::int64_t imported, std::int64_t duplicates,
                         std::int64_t invalid_rows);
  // The largest contact id so far: an import's contacts get ids above it.
  static std::int64_t last_contact_id(storage::Connection& c);
  // Records that the upload's contacts have ids in [first, the largest id now].
  static void set_contact_range(storage::Connection& c, std::int64_t shop_id, std::int64_t id,
                                std::int64_t first_contact_id);
  // Narrows contacts (aliased cr) to one upload's: its id range through an index, then upload_id.
  static void add_contacts_of(storage::Conditions& where, std::int64_t shop_id,
                              std::int64_t upload_id);
  static void insert_errors(storage::Connection& c, std::int64_t shop_id, std::int64_t upload_id,
                            const std::vector<UploadError>& errors);
  static std::optional<Upload> find(storage::Connection& c, std::int64_t shop_id, std::int64_t id);
  static std::vector<Upload> list(storage::Connection& c, std::int64_t shop_id, std::int64_t limit,
                                  std::int64_t offset);
  static std::int64_t count(storage::Connection& c, std::int64_t shop_id);
  // Every problem row of the upload, in row order (the errors.csv download).
  static std::vector<UploadError> errors(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t upload_id);
  // One page of them, in row order.
  static std::vector<UploadError> errors(storage::Connection& c, std::int64_t shop_id,
                                         std::int64_t upload_id, std::int64_t limit,
                                         std::int64_t offset);
  static std::int64_t count_errors(storage::Connection& c, std::int64_t shop_id,
                                   std::int64_t upload_id);
};

}  // namespace rx::contacts
