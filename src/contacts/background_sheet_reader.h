#pragma once

#include <tl/expected.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "contacts/upload_repository.h"
#include "import/import_types.h"
#include "import/sheet_choice.h"
#include "phone/phone_normalizer.h"

namespace rx::contacts {

// A contact read from a sheet, ready to store: the sheet's other columns are already JSON text.
struct PreparedContact {
  std::string e164;
  std::string phone_type;
  std::string name;  // empty: none
  std::optional<std::string> extra;
  int row_number = 0;
};

// What the reading thread hands over at a time, in sheet order.
struct PreparedBatch {
  std::vector<PreparedContact> contacts;
  std::vector<UploadError> problems;
};

// Reads a contact sheet (import::parse_contact_sheet: decoding, phone numbers, the JSON of the
// other columns) on a second thread and calls `receive` on this thread with each batch. Storing
// the contacts, on this thread, so overlaps with reading the next ones: an import's two halves
// each get a core. `progress` is called on the reading thread. If `receive` throws, the reader
// is stopped and joined before the exception leaves; if reading throws, the exception is
// rethrown here. At most `queued_batches` batches (of 512 contacts) wait between the two threads.
// `options` are the reader's (choices, saved mappings; the lookup runs on the reading thread);
// `layout`, if given, receives the layout of the sheet read.
inline constexpr std::size_t kDefaultQueuedBatches = 4;
tl::expected<import::ParseSummary, import::ImportFailure> read_sheet_in_background(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer,
    const std::function<void(std::size_t done, std::size_t total)>& progress,
    const std::function<void(PreparedBatch& batch)>& receive,
    std::size_t queued_batches = kDefaultQueuedBatches, const import::ReadOptions& options = {},
    std::optional<import::SheetLayout>* layout = nullptr);

}  // namespace rx::contacts
