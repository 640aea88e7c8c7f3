#pragma once

#include "contacts/upload_mapping_repository.h"
#include "contacts/upload_repository.h"
#include "import/sheet_choice.h"
#include "storage/database.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rx::contacts {

// Data rows a preview shows, and how much of each it keeps.
inline constexpr std::size_t kPreviewRows = 20;
inline constexpr std::size_t kPreviewColumns = 50;
inline constexpr std::size_t kPreviewCellBytes = 200;

struct PreviewNumber {
  std::string e164;
  std::string type;
};

// A data row as the import reads it: its cells, the phone cell, the name, and what the phone
// cell yields (valid numbers; the invalid pieces, or the whole cell, with their reasons).
struct PreviewRow {
  int row_number = 0;
  std::vector<std::string> cells;
  std::string phone;
  std::string name;
  std::vector<PreviewNumber> numbers;
  std::vector<UploadError> problems;
};

// What an import of the file would do, counted over the whole file.
struct PreviewCounts {
  std::int64_t total_rows = 0;
  std::int64_t new_contacts = 0;  // valid, first in the file, not yet stored in the shop
  std::int64_t duplicates = 0;    // valid, but earlier in the file or already stored
  std::int64_t invalid_rows = 0;  // rows without a valid number
};

struct UploadPreview {
  std::string file_format;  // "xlsx", "xls" or "text", as recognised from the bytes
  std::vector<std::string> sheets;
  // The sheet read; without a phone column (phone_column empty) when none could be found and
  // none was chosen: then `problem` says so and there are no counts.
  std::optional<import::SheetLayout> layout;
  std::vector<PreviewRow> rows;
  std::optional<PreviewCounts> counts;
  // The shop's saved mapping for the sheet's signature, if it has one.
  std::optional<SavedMapping> saved_mapping;
  std::optional<std::string> problem;
};

// Reads `bytes` exactly as ContactImportService::import would (same readers, choices and saved
// mappings) and stores nothing: the first kPreviewRows data rows, and counts over the whole
// file, checked against the shop's stored phones in batches. Throws what the import would for a
// refused file, except a sheet without a phone column when none was chosen (see `problem`).
// Without `with_counts` reading stops after the rows shown (no counts, and a damage further on
// in the file goes unseen): the quick look for a large file.
UploadPreview preview_upload(storage::Database& db, core::ShopId shop_id,
                             const std::string& phone_region, std::string_view bytes,
                             const import::SheetChoice& choice, bool with_counts = true);

}  // namespace rx::contacts
