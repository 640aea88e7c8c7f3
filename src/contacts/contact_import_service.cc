#include "contacts/contact_import_service.h"

#include "contacts/contact_counts.h"
#include "core/error.h"
#include "core/json_writer.h"
#include "import/contact_sheet.h"
#include "phone/phone_normalizer.h"

#include <unordered_map>

#include <malloc.h>

namespace rx::contacts {
namespace {

using core::AppError;
using core::ErrorCode;

constexpr std::size_t kRowsPerInsert = 500;
constexpr int kColumnsPerRow = 9;

std::string_view format_name(import::FileFormat format) {
  switch (format) {
    case import::FileFormat::kXlsx:
      return "xlsx";
    case import::FileFormat::kXls:
      return "xls";
    case import::FileFormat::kDelimitedText:
      return "text";
  }
  return "text";
}

std::string insert_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO contact_records (shop_id, phone, phone_type, name, extra, upload_id, "
      "source_row, "
      "created_at, updated_at) VALUES ";
  for (std::size_t i = 0; i < rows; ++i)
    sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return sql + " ON CONFLICT (shop_id, phone) DO NOTHING";
}

using ExtraColumns = std::vector<std::pair<std::string, std::string>>;

// The sheet's other columns as a JSON object, in the sheet's order; a header that repeats keeps
// its last value (an object names a key once). This runs once per row, so it is written straight
// to text rather than through a JSON tree.
std::string extra_json(const ExtraColumns& columns) {
  // Rows rarely have more than a few other columns: compare pairwise then, index them otherwise
  // (a row may have thousands).
  constexpr std::size_t kPairwiseUpTo = 16;
  std::unordered_map<std::string_view, std::size_t> last;
  if (columns.size() > kPairwiseUpTo) {
    for (std::size_t i = 0; i < columns.size(); ++i) last[columns[i].first] = i;
  }
  const auto repeated_later = [&](std::size_t i) {
    if (columns.size() > kPairwiseUpTo) return last[columns[i].first] != i;
    for (std::size_t j = i + 1; j < columns.size(); ++j) {
      if (columns[j].first == columns[i].first) return true;
    }
    return false;
  };
  core::JsonWriter out;
  out.begin_object();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (!repeated_later(i)) out.key_text(columns[i].first).string(columns[i].second);
  }
  out.end_object();
  return out.take();
}

struct NewContact {
  const std::string& e164;
  const std::string& phone_type;
  const std::string& name;  // empty: none
  std::optional<std::string> extra;
  int row_number;
};

// Where new contacts go. The unique key (shop_id, phone) decides what duplicates a stored phone;
// finish() answers how many were really inserted.
class ContactStore {
 public:
  virtual ~ContactStore() = default;
  virtual void add(NewContact contact) = 0;
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

  void add(NewContact x) override {
    params_.insert(params_.end(), {shop_id_, x.e164, x.phone_type,
                                   x.name.empty() ? storage::Value() : storage::Value(x.name),
                                   x.extra, upload_id_, x.row_number, now_ms_, now_ms_});
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

// PostgreSQL: COPY the rows into a session-local staging table as they are read, then one
// INSERT ... SELECT ... ON CONFLICT DO NOTHING. Several times faster than row inserts.
class CopyStore final : public ContactStore {
 public:
  CopyStore(storage::Connection& c, std::int64_t shop_id, std::int64_t upload_id,
            std::int64_t now_ms)
      : c_(c), shop_id_(shop_id), upload_id_(upload_id), now_ms_(now_ms) {
    c_.execute_script(
        "CREATE TEMP TABLE IF NOT EXISTS import_contacts (seq BIGINT, phone TEXT, phone_type TEXT, "
        "name TEXT, "
        "extra TEXT, source_row INTEGER); TRUNCATE import_contacts;");
    copy_ = c_.copy_in("COPY import_contacts FROM STDIN");
  }

  void add(NewContact x) override {
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
  }

  std::int64_t finish() override {
    flush();
    copy_->finish();
    return c_
        .query(
            "INSERT INTO contact_records (shop_id, phone, phone_type, name, extra, upload_id, "
            "source_row, "
            "created_at, updated_at) SELECT CAST(? AS BIGINT), phone, phone_type, name, extra, "
            "CAST(? AS BIGINT), source_row, CAST(? AS BIGINT), CAST(? AS BIGINT) FROM "
            "import_contacts "
            "ORDER BY seq ON CONFLICT (shop_id, phone) DO NOTHING",
            {shop_id_, upload_id_, now_ms_, now_ms_})
        .affected;
  }

 private:
  static constexpr std::size_t kFlushBytes = 256 * 1024;

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
};

std::unique_ptr<ContactStore> store_for(storage::Connection& c, std::int64_t shop_id,
                                        std::int64_t upload_id, std::int64_t now_ms) {
  if (c.dialect() == storage::Dialect::kPostgres)
    return std::make_unique<CopyStore>(c, shop_id, upload_id, now_ms);
  return std::make_unique<BatchInsertStore>(c, shop_id, upload_id, now_ms);
}

// Receives the parser's contacts: keeps the problem rows and hands every phone to the store,
// whose unique key drops repeats (in the shop or earlier in the file).
class ContactWriter final : public import::ContactSink {
 public:
  ContactWriter(ContactStore& store, const ImportProgress& progress)
      : store_(store), progress_(progress) {}

  void on_contact(const import::ContactRow& row) override {
    ++added_;
    std::optional<std::string> extra;
    if (!row.extra.empty()) extra = extra_json(row.extra);
    store_.add({row.e164, row.phone_type, row.name, std::move(extra), row.row_number});
  }

  void on_problem(const import::RowProblem& problem) override {
    errors_.push_back({problem.row_number, problem.value, problem.reason});
  }

  void on_progress(std::size_t done, std::size_t total) override {
    if (progress_) progress_(done, total);
  }

  std::int64_t added() const { return added_; }
  std::vector<UploadError>& errors() { return errors_; }

 private:
  ContactStore& store_;
  const ImportProgress& progress_;
  std::int64_t added_ = 0;
  std::vector<UploadError> errors_;
};

[[noreturn]] void throw_failure(const import::ImportFailure& failure) {
  const ErrorCode code = failure.kind == import::ImportFailure::Kind::kUnsupportedFormat
                             ? ErrorCode::kUnsupportedMediaType
                             : ErrorCode::kValidation;
  throw AppError(code, failure.message, {{"fields", {{"file", failure.message}}}});
}

}  // namespace

ImportResult ContactImportService::import(const ImportRequest& request,
                                          const ImportProgress& progress, bool allow_large) {
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
  struct Turn {
    std::counting_semaphore<kConcurrentImports>& turns;
    ~Turn() { turns.release(); }
  } turn{turns_};
  return import_now(request, progress);
}

ImportResult ContactImportService::import_now(const ImportRequest& request,
                                              const ImportProgress& progress) {
  const phone::PhoneNormalizer normalizer(request.phone_region);
  ImportResult result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    const std::int64_t upload_id = UploadRepository::insert(c, request.shop_id, request.file_name,
                                                            "pending", request.uploaded_by, now);
    auto store = store_for(c, request.shop_id, upload_id, now);
    ContactWriter writer(*store, progress);
    auto summary = import::parse_contact_sheet(request.bytes, normalizer, writer);
    if (!summary) throw_failure(summary.error());
    const std::int64_t imported = store->finish();
    store.reset();
    ContactCounts::add_imported(c, request.shop_id, upload_id, imported);
    // A phone already in the shop, or earlier in the same file, meets the unique key
    // (shop_id, phone) and is skipped by ON CONFLICT DO NOTHING: the first occurrence wins.
    const std::int64_t duplicates = writer.added() - imported;
    c.query("UPDATE contact_uploads SET file_format = ? WHERE shop_id = ? AND id = ?",
            {format_name(summary->format), request.shop_id, upload_id});
    UploadRepository::set_counts(c, request.shop_id, upload_id, summary->total_rows, imported,
                                 duplicates, summary->invalid_rows);
    UploadRepository::insert_errors(c, request.shop_id, upload_id, writer.errors());
    result.upload = *UploadRepository::find(c, request.shop_id, upload_id);
    result.errors = std::move(writer.errors());
  });
  // An import allocates tens of megabytes for a moment; hand them back to the system.
  malloc_trim(0);
  return result;
}

}  // namespace rx::contacts
