#include "contacts/contact_store.h"

#include <string>
#include <utility>

namespace rx::contacts {
namespace {

// SQLite: rows a multi-row INSERT writes, and the parameters each row binds.
constexpr std::size_t kRowsPerInsert = 500;
constexpr int kColumnsPerRow = 9;

std::string insert_sql(std::size_t rows) {
  std::string sql =
      "INSERT INTO contact_records (shop_id, phone, phone_type, name, extra, upload_id, "
      "source_row, "
      "created_at, updated_at) VALUES ";
  for (std::size_t i = 0; i < rows; ++i)
    sql += i ? ", (?, ?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  return sql + " ON CONFLICT (shop_id, phone) DO NOTHING";
}

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

}  // namespace

std::unique_ptr<ContactStore> contact_store_for(storage::Connection& c, core::ShopId shop_id,
                                                core::UploadId upload_id, std::int64_t now_ms) {
  if (c.dialect() == storage::Dialect::kPostgres)
    return std::make_unique<CopyStore>(c, shop_id.value(), upload_id.value(), now_ms);
  return std::make_unique<BatchInsertStore>(c, shop_id.value(), upload_id.value(), now_ms);
}

}  // namespace rx::contacts
