#pragma once

#include "contacts/upload_preview.h"
#include "contacts/upload_repository.h"
#include "core/clock.h"
#include "import/sheet_choice.h"
#include "storage/database.h"

#include <chrono>
#include <functional>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rx::contacts {

struct ImportRequest {
  core::ShopId shop_id;
  std::string phone_region = "IN";
  std::optional<core::StaffId> uploaded_by;  // empty: the command line
  std::string file_name;
  std::string_view bytes;
};

struct ImportResult {
  Upload upload;
  std::vector<UploadError> errors;
};

using ImportProgress = std::function<void(std::size_t done, std::size_t total)>;

// Imports one contact sheet in one transaction: every valid, new phone becomes a pending contact;
// a phone already in the shop or earlier in the file is a duplicate and creates nothing (the
// first occurrence's name wins). A failure half-way stores nothing.
class ContactImportService {
 public:
  static constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;
  // Imports that run at once in this process; each needs working memory of about its file's
  // size, so this bounds the total. More would not be faster: SQLite writes one at a time, and
  // two cores parse two sheets.
  static constexpr std::ptrdiff_t kConcurrentImports = 2;
  // How long an upload waits for its turn before the answer is 503 "try again".
  static constexpr std::chrono::seconds kTurnWait{60};

  // `release_memory` is called after each import and preview, which allocate tens of
  // megabytes for a moment: the composition root hands them back to the system there
  // (malloc_trim). By default nothing is called.
  ContactImportService(storage::Database& db, const core::Clock& clock,
                       std::function<void()> release_memory = {})
      : db_(db),
        clock_(clock),
        release_memory_(std::move(release_memory)),
        turns_(kConcurrentImports) {}

  // Called after each committed import with its shop (the composition root queues the shop's
  // scorer training here, off the request's thread). Set before serving.
  void set_after_import(std::function<void(core::ShopId)> hook) { after_import_ = std::move(hook); }

  // Throws kPayloadTooLarge (413) over 20 MB (unless `allow_large`, for the command line),
  // kUnsupportedMediaType (415) for a file that is not a spreadsheet, kValidation (422) for an
  // empty, damaged or hostile one or naming a `choice` that does not fit it, kUnavailable (503)
  // when other imports hold every turn for kTurnWait, and what the repositories throw for a
  // database failure; then nothing is stored.
  // `choice` overrides what is detected; an import with any of it saves the mapping it used
  // under the sheet's header signature, and imports and previews of sheets with that signature
  // apply the saved mapping to whatever they do not choose themselves.
  ImportResult import(const ImportRequest& request, const ImportProgress& progress = {},
                      bool allow_large = false, const import::SheetChoice& choice = {});

  // What import(request, {}, false, choice) would do, storing nothing (see preview_upload): the
  // same limits, and a turn among the imports, as it needs as much memory. Throws as import(),
  // except for a sheet without a phone column when none was chosen (UploadPreview::problem).
  UploadPreview preview(const ImportRequest& request, const import::SheetChoice& choice,
                        bool with_counts = true);

 private:
  // Refuses a file over the limits, then waits for a turn; the turn ends with the result.
  class Turn;
  Turn take_turn(const ImportRequest& request, bool allow_large);
  ImportResult import_now(const ImportRequest& request, const ImportProgress& progress,
                          const import::SheetChoice& choice);

  storage::Database& db_;
  const core::Clock& clock_;
  const std::function<void()> release_memory_;
  std::function<void(core::ShopId)> after_import_;
  std::counting_semaphore<kConcurrentImports> turns_;
};

}  // namespace rx::contacts
