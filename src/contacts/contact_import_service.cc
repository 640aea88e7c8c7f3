#include "contacts/contact_import_service.h"

#include "core/error.h"
#include "import/contact_sheet.h"
#include "phone/phone_normalizer.h"

#include <nlohmann/json.hpp>

#include <unordered_set>

namespace rx::contacts {
namespace {

using core::AppError;
using core::ErrorCode;

constexpr std::size_t kRowsPerInsert = 100;
constexpr int kColumnsPerRow = 9;

std::string_view format_name(import::FileFormat format) {
  switch (format) {
    case import::FileFormat::kXlsx: return "xlsx";
    case import::FileFormat::kXls: return "xls";
    case import::FileFormat::kDelimitedText: return "text";
  }
  return "text";
}

std::string insert_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO contact_records (shop_id, phone, phone_type, name, extra, upload_id, source_row, "
      "created_at, updated_at) VALUES ";
  for (std::size_t i = 0; i < rows; ++i) sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return sql + " ON CONFLICT (shop_id, phone) DO NOTHING";
}

// Receives the parser's contacts and writes them in multi-row inserts; the unique key
// (shop_id, phone) decides what is a duplicate of a phone already stored.
class ContactWriter final : public import::ContactSink {
 public:
  ContactWriter(storage::Connection& c, std::int64_t shop_id, std::int64_t upload_id,
                std::int64_t now_ms, const ImportProgress& progress)
      : c_(c), shop_id_(shop_id), upload_id_(upload_id), now_ms_(now_ms), progress_(progress),
        batch_sql_(insert_sql(kRowsPerInsert)), single_sql_(insert_sql(1)) {
    params_.reserve(kRowsPerInsert * kColumnsPerRow);
  }

  void on_contact(const import::ContactRow& row) override {
    if (!seen_.insert(row.e164).second) {
      ++duplicates_;
      return;
    }
    storage::Value extra;
    if (!row.extra.empty()) {
      nlohmann::json columns = nlohmann::json::object();
      for (const auto& [header, value] : row.extra) columns[header] = value;
      extra = columns.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    params_.insert(params_.end(),
                   {shop_id_, row.e164, row.phone_type,
                    row.name.empty() ? storage::Value() : storage::Value(row.name), std::move(extra),
                    upload_id_, row.row_number, now_ms_, now_ms_});
    if (++pending_ == kRowsPerInsert) flush();
  }

  void on_problem(const import::RowProblem& problem) override {
    errors_.push_back({problem.row_number, problem.value, problem.reason});
  }

  void on_progress(std::size_t done, std::size_t total) override {
    if (progress_) progress_(done, total);
  }

  void finish() {
    if (pending_ == kRowsPerInsert) {
      flush();
      return;
    }
    // A short last batch goes row by row rather than preparing one statement per size.
    for (std::size_t row = 0; row < pending_; ++row) {
      storage::Params one(params_.begin() + row * kColumnsPerRow,
                          params_.begin() + (row + 1) * kColumnsPerRow);
      account(c_.query(single_sql_, one).affected, 1);
    }
    params_.clear();
    pending_ = 0;
  }

  std::int64_t imported() const { return imported_; }
  std::int64_t duplicates() const { return duplicates_; }
  std::vector<UploadError>& errors() { return errors_; }

 private:
  void flush() {
    account(c_.query(batch_sql_, params_).affected, pending_);
    params_.clear();
    pending_ = 0;
  }
  void account(std::int64_t inserted, std::size_t attempted) {
    imported_ += inserted;
    duplicates_ += static_cast<std::int64_t>(attempted) - inserted;
  }

  storage::Connection& c_;
  std::int64_t shop_id_;
  std::int64_t upload_id_;
  std::int64_t now_ms_;
  const ImportProgress& progress_;
  const std::string batch_sql_;
  const std::string single_sql_;
  std::unordered_set<std::string> seen_;
  storage::Params params_;
  std::size_t pending_ = 0;
  std::int64_t imported_ = 0;
  std::int64_t duplicates_ = 0;
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
  const phone::PhoneNormalizer normalizer(request.phone_region);
  ImportResult result;
  db_.transaction(storage::TxMode::kWrite, [&](storage::Connection& c) {
    const std::int64_t now = clock_.now_ms();
    const std::int64_t upload_id =
        UploadRepository::insert(c, request.shop_id, request.file_name, "pending", request.uploaded_by, now);
    ContactWriter writer(c, request.shop_id, upload_id, now, progress);
    auto summary = import::parse_contact_sheet(request.bytes, normalizer, writer);
    if (!summary) throw_failure(summary.error());
    writer.finish();
    c.query("UPDATE contact_uploads SET file_format = ? WHERE shop_id = ? AND id = ?",
            {format_name(summary->format), request.shop_id, upload_id});
    UploadRepository::set_counts(c, request.shop_id, upload_id, summary->total_rows, writer.imported(),
                                 writer.duplicates(), summary->invalid_rows);
    UploadRepository::insert_errors(c, request.shop_id, upload_id, writer.errors());
    result.upload = *UploadRepository::find(c, request.shop_id, upload_id);
    result.errors = std::move(writer.errors());
  });
  return result;
}

}  // namespace rx::contacts
