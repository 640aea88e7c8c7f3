#include "contacts/contact_import_service.h"

#include "contacts/background_sheet_reader.h"
#include "contacts/contact_counts.h"
#include "contacts/import_outcome.h"
#include "contacts/upload_mapping_repository.h"
#include "core/error.h"
#include "phone/phone_normalizer.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include <malloc.h>

namespace rx::contacts {
namespace {

using core::AppError;
using core::ErrorCode;

constexpr std::size_t kRowsPerInsert = 500;
// Pages an import keeps in memory until it commits (SQLite): a 100,000-row sheet touches about
// 22 MB of pages. With the usual 4 MB the pages of the phone index, written in random order,
// were written out and read back again and again: 10-30% of the import's time. Larger sheets
// spill past this, so memory stays bounded.
constexpr int kImportCacheKib = 32 * 1024;
constexpr int kColumnsPerRow = 9;
// PostgreSQL: batches of 512 contacts the reading thread may get ahead of the store by, two of
// CopyStore's chunks (some 8 MB), so that it reads on while PostgreSQL inserts a chunk. SQLite's
// inserts keep up with the reading (kDefaultQueuedBatches).
constexpr std::size_t kPostgresQueuedBatches = 64;

std::string insert_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO contact_records (shop_id, phone, phone_type, name, extra, upload_id, "
      "source_row, "
      "created_at, updated_at) VALUES ";
  for (std::size_t i = 0; i < rows; ++i)
    sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return sql + " ON CONFLICT (shop_id, phone) DO NOTHING";
}

// Where new contacts go. The unique key (shop_id, phone) decides what duplicates a stored phone;
// finish() answers how many were really inserted.
class ContactStore {
 public:
  virtual ~ContactStore() = default;
  virtual void add(PreparedContact&& contact) = 0;
  virtual std::int64_t finish() = 0;
};

// SQLite: multi-row INSERT ... ON CONFLICT DO NOTHING, 500 rows a statement (each statement
// copies the pages it touches first to its statement journal: fewer, larger statements copy less).
class BatchInsertStore final : public ContactStore {
 public:
  BatchInsertStore(storage::Connection& c, std::int64_t shop_id, std::int64_t upload_id,
                   std::int64_t now_ms)
      : c_(c),
        shop_id_(shop_id),
        upload_id_(upload_id),
        now_ms_(now_ms),
        batch_sql_(insert_sql(kRowsPerInsert)),
        single_sql_(insert_sql(1)) {
    params_.reserve(kRowsPerInsert * kColumnsPerRow);
  }

  void add(PreparedContact&& x) override {
    // One by one: an initializer list would copy every string once more.
    params_.emplace_back(shop_id_);
    params_.emplace_back(std::move(x.e164));
    params_.emplace_back(std::move(x.phone_type));
    params_.push_back(x.name.empty() ? storage::Value() : storage::Value(std::move(x.name)));
    params_.push_back(x.extra ? storage::Value(std::move(*x.extra)) : storage::Value());
    params_.emplace_back(upload_id_);
    params_.emplace_back(x.row_number);
    params_.emplace_back(now_ms_);
    params_.emplace_back(now_ms_);
    if (++pending_ == kRowsPerInsert) {
      inserted_ += c_.query(batch_sql_, params_).affected;
      params_.clear();
      pending_ = 0;
    }
  }

  std::int64_t finish() override {
    // A short last batch goes row by row rather than preparing one statement per size.
    for (std::size_t row = 0; row < pending_; ++row) {
      storage::Params one(params_.begin() + row * kColumnsPerRow,
                          params_.begin() + (row + 1) * kColumnsPerRow);
      inserted_ += c_.query(single_sql_, one).affected;
    }
    params_.clear();
    pending_ = 0;
    return inserted_;
  }

 private:
  storage::Connection& c_;
  std::int64_t shop_id_;
  std::int64_t upload_id_;
  std::int64_t now_ms_;
  const std::string batch_sql_;
  const std::string single_sql_;
  storage::Params params_;
  std::size_t pending_ = 0;
  std::int64_t inserted_ = 0;
};

// PostgreSQL: COPY the rows into a session-local staging table as they are read, and move each
// chunk of them into contact_records with one INSERT ... SELECT ... ON CONFLICT DO NOTHING, in
// sheet order, so that the first occurrence of a phone still wins. Several times faster than
// row inserts. Chunks rather than one INSERT at the end: the sheet's reading thread goes on while
// PostgreSQL inserts a chunk (see kPostgresQueuedBatches), where before PostgreSQL waited for
// the whole sheet to be read and then the reading was done.
class CopyStore final : public ContactStore {
 public:
  CopyStore(storage::Connection& c, std::int64_t shop_id, std::int64_t upload_id,
            std::int64_t now_ms)
      : c_(c), shop_id_(shop_id), upload_id_(upload_id), now_ms_(now_ms) {
    c_.execute_script(
        "CREATE TEMP TABLE IF NOT EXISTS import_contacts (seq BIGINT, phone TEXT, phone_type TEXT, "
        "name TEXT, "
        "extra TEXT, source_row INTEGER); TRUNCATE import_contacts;");
    copy_ = c_.copy_in(kCopySql);
  }

  void add(PreparedContact&& x) override {
    line_ += std::to_string(++seq_);
    field(x.e164);
    field(x.phone_type);
    if (x.name.empty()) {
      line_ += "\t\\N";
    } else {
      field(x.name);
    }
    if (x.extra) {
      field(*x.extra);
    } else {
      line_ += "\t\\N";
    }
    line_ += '\t';
    line_ += std::to_string(x.row_number);
    line_ += '\n';
    if (line_.size() > kFlushBytes) flush();
    if (++staged_ == kRowsPerChunk) {
      insert_staged();
      copy_ = c_.copy_in(kCopySql);
    }
  }

  std::int64_t finish() override {
    insert_staged();
    return inserted_;
  }

 private:
  static constexpr std::size_t kFlushBytes = 256 * 1024;
  static constexpr std::size_t kRowsPerChunk = 16384;
  static constexpr std::string_view kCopySql = "COPY import_contacts FROM STDIN";

  // Ends the COPY and moves the staged rows into contact_records.
  void insert_staged() {
    flush();
    copy_->finish();
    copy_.reset();
    if (staged_ == 0) return;
    inserted_ +=
        c_.query(
              "INSERT INTO contact_records (shop_id, phone, phone_type, name, extra, upload_id, "
              "source_row, "
              "created_at, updated_at) SELECT CAST(? AS BIGINT), phone, phone_type, name, extra, "
              "CAST(? AS BIGINT), source_row, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM "
              "import_contacts "
              "ORDER BY seq ON CONFLICT (shop_id, phone) DO NOTHING",
              {shop_id_, upload_id_, now_ms_, now_ms_})
            .affected;
    c_.execute_script("TRUNCATE import_contacts");
    staged_ = 0;
  }

  // COPY's text format: a tab before each field, with backslash, tab, newline and CR escaped.
  void field(std::string_view text) {
    line_ += '\t';
    for (char ch : text) {
      switch (ch) {
        case '\\':
          line_ += "\\\\";
          break;
        case '\t':
          line_ += "\\t";
          break;
        case '\n':
          line_ += "\\n";
          break;
        case '\r':
          line_ += "\\r";
          break;
        default:
          line_ += ch;
      }
    }
  }
  void flush() {
    if (!line_.empty()) copy_->write(line_);
    line_.clear();
  }

  storage::Connection& c_;
  std::int64_t shop_id_;
  std::int64_t upload_id_;
  std::int64_t now_ms_;
  std::unique_ptr<storage::CopyIn> copy_;
  std::string line_;
  std::int64_t seq_ = 0;
  std::size_t staged_ = 0;
  std::int64_t inserted_ = 0;
};

std::unique_ptr<ContactStore> store_for(storage::Connection& c, std::int64_t shop_id,
                                        std::int64_t upload_id, std::int64_t now_ms) {
  if (c.dialect() == storage::Dialect::kPostgres)
    return std::make_unique<CopyStore>(c, shop_id, upload_id, now_ms);
  return std::make_unique<BatchInsertStore>(c, shop_id, upload_id, now_ms);
}

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
  malloc_trim(0);
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
    const std::int64_t upload_id = UploadRepository::insert(c, request.shop_id, request.file_name,
                                                            "pending", request.uploaded_by, now);
    const std::int64_t first_contact_id = UploadRepository::last_contact_id(c) + 1;
    auto store = store_for(c, request.shop_id, upload_id, now);
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
    c.query("UPDATE contact_uploads SET file_format = ? WHERE shop_id = ? AND id = ?",
            {format_name(summary->format), request.shop_id, upload_id});
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
  malloc_trim(0);
  return result;
}

}  // namespace rx::contacts
