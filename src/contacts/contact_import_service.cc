#include "contacts/contact_import_service.h"

#include "contacts/background_sheet_reader.h"
#include "contacts/contact_counts.h"
#include "contacts/contact_store.h"
#include "contacts/import_outcome.h"
#include "contacts/upload_mapping_repository.h"
#include "core/error.h"
#include "phone/phone_normalizer.h"

#include <algorithm>
#include <iterator>
#include <utility>

namespace rx::contacts {
namespace {

using core::AppError;
using core::ErrorCode;

// Pages an import keeps in memory until it commits (SQLite): a 100,000-row sheet touches about
// 22 MB of pages. With the usual 4 MB the pages of the phone index, written in random order,
// were written out and read back again and again: 10-30% of the import's time. Larger sheets
// spill past this, so memory stays bounded.
constexpr int kImportCacheKib = 32 * 1024;
// PostgreSQL: batches of 512 contacts the reading thread may get ahead of the store by, two of
// CopyStore's chunks (some 8 MB), so that it reads on while PostgreSQL inserts a chunk. SQLite's
// inserts keep up with the reading (kDefaultQueuedBatches).
constexpr std::size_t kPostgresQueuedBatches = 64;

// Raises the connection's page cache for the import and returns it to the usual size.
class BulkCache {
 public:
  explicit BulkCache(storage::Connection& c) : c_(c) { c_.set_bulk_cache(kImportCacheKib); }
  ~BulkCache() {
    try {
      c_.set_bulk_cache(std::nullopt);
    } catch (const std::exception&) {
      // Only memory is at stake: the larger cache goes when the pool drops the connection.
    }
  }
  BulkCache(const BulkCache&) = delete;
  BulkCache& operator=(const BulkCache&) = delete;

 private:
  storage::Connection& c_;
};

}  // namespace

class ContactImportService::Turn {
 public:
  explicit Turn(std::counting_semaphore<kConcurrentImports>& turns) : turns_(&turns) {}
  Turn(Turn&& other) noexcept : turns_(std::exchange(other.turns_, nullptr)) {}
  Turn(const Turn&) = delete;
  Turn& operator=(const Turn&) = delete;
  Turn& operator=(Turn&&) = delete;
  ~Turn() {
    if (turns_) turns_->release();
  }

 private:
  std::counting_semaphore<kConcurrentImports>* turns_;
};

ContactImportService::Turn ContactImportService::take_turn(const ImportRequest& request,
                                                           bool allow_large) {
  if (request.bytes.size() > kMaxFileBytes && !allow_large) {
    throw AppError(ErrorCode::kPayloadTooLarge, "contact sheets are limited to 20 MB");
  }
  if (request.bytes.empty()) {
    throw AppError(ErrorCode::kValidation, "the file is empty", {{"fields", {{"file", "empty"}}}});
  }
  if (!turns_.try_acquire_for(kTurnWait)) {
    throw AppError(ErrorCode::kUnavailable,
                   "other contact sheets are being imported; try again in a minute");
  }
  return Turn(turns_);
}

ImportResult ContactImportService::import(const ImportRequest& request,
                                          const ImportProgress& progress, bool allow_large,
                                          const import::SheetChoice& choice) {
  const Turn turn = take_turn(request, allow_large);
  return import_now(request, progress, choice);
}

UploadPreview ContactImportService::preview(const ImportRequest& request,
                                            const import::SheetChoice& choice, bool with_counts) {
  const Turn turn = take_turn(request, false);
  UploadPreview preview = preview_upload(db_, request.shop_id, request.phone_region, request.bytes,
                                         choice, with_counts);
  // A preview allocates tens of megabytes for a moment, as an import does.
  if (release_memory_) release_memory_();
  return preview;
}

ImportResult ContactImportService::import_now(const ImportRequest& request,
                                              const ImportProgress& progress,
                                              const import::SheetChoice& choice) {
  const phone::PhoneNormalizer normalizer(request.phone_region);
  ImportResult result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const BulkCache cache(c);
    const std::int64_t now = clock_.now_ms();
    const SavedMappings mappings = UploadMappingRepository::all(c, request.shop_id);
    const import::ReadOptions options{choice, lookup_in(mappings)};
    std::optional<import::SheetLayout> layout;
    const core::UploadId upload_id = UploadRepository::insert(c, request.shop_id, request.file_name,
                                                              "pending", request.uploaded_by, now);
    const core::ContactId first_contact_id(UploadRepository::last_contact_id(c).value() + 1);
    auto store = contact_store_for(c, request.shop_id, upload_id, now);
    std::int64_t added = 0;
    std::vector<UploadError> errors;
    // The sheet is read on a second thread while this one, which holds the transaction, stores.
    const std::size_t queued =
        c.dialect() == storage::Dialect::kPostgres ? kPostgresQueuedBatches : kDefaultQueuedBatches;
    auto summary = read_sheet_in_background(
        request.bytes, normalizer, progress,
        [&](PreparedBatch& batch) {
          for (PreparedContact& contact : batch.contacts) store->add(std::move(contact));
          added += static_cast<std::int64_t>(batch.contacts.size());
          std::move(batch.problems.begin(), batch.problems.end(), std::back_inserter(errors));
        },
        queued, options, &layout);
    if (!summary) throw_import_failure(summary.error());
    const std::int64_t imported = store->finish();
    store.reset();
    UploadRepository::set_contact_range(c, request.shop_id, upload_id, first_contact_id);
    ContactCounts::add_imported(c, request.shop_id, upload_id, imported);
    // A phone already in the shop, or earlier in the same file, meets the unique key
    // (shop_id, phone) and is skipped by ON CONFLICT DO NOTHING: the first occurrence wins.
    const std::int64_t duplicates = added - imported;
    UploadRepository::set_file_format(c, request.shop_id, upload_id, format_name(summary->format));
    UploadRepository::set_counts(c, request.shop_id, upload_id, summary->total_rows, imported,
                                 duplicates, summary->invalid_rows);
    UploadRepository::insert_errors(c, request.shop_id, upload_id, errors);
    if (choice.any() && layout && layout->phone_column && !layout->signature.empty()) {
      UploadMappingRepository::save(
          c, request.shop_id,
          {layout->signature,
           layout->sheet_name,
           {layout->header_row, *layout->phone_column, layout->name_column},
           now},
          request.uploaded_by);
    }
    result.upload = *UploadRepository::find(c, request.shop_id, upload_id);
    result.errors = std::move(errors);
  });
  // An import allocates tens of megabytes for a moment; hand them back to the system.
  if (release_memory_) release_memory_();
  if (after_import_) after_import_(request.shop_id);
  return result;
}

}  // namespace rx::contacts
