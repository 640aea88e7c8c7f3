#include "contacts/upload_preview.h"

#include "contacts/import_outcome.h"
#include "import/contact_sheet.h"
#include "import/format_detector.h"
#include "phone/phone_normalizer.h"
#include "storage/table.h"

#include <charconv>
#include <unordered_set>

namespace rx::contacts {
namespace {

// Stored phones are looked up this many at a time (one prepared statement, the last batch
// padded by repeating a phone, which matches the same row).
constexpr std::size_t kLookupBatch = 500;
// Past this many distinct numbers in the file, reading the shop's phones once (in index order)
// and looking each up in the file's set is cheaper than looking the file's numbers up: on this
// machine 340,000 lookups in batches took 4.5 s under load, the scan of as many phones well under
// a second.
constexpr std::size_t kScanShopAbove = 20000;

// E.164 numbers have at most 15 digits, so a number is kept as an integer: a file's distinct
// numbers then cost 8 bytes each in the set, not a string.
std::uint64_t e164_key(std::string_view e164) {
  std::uint64_t key = 0;
  if (!e164.empty() && e164.front() == '+') e164.remove_prefix(1);
  std::from_chars(e164.data(), e164.data() + e164.size(), key);
  return key;
}

std::string shortened(std::string_view text) {
  if (text.size() <= kPreviewCellBytes) return std::string(text);
  std::size_t end = kPreviewCellBytes;
  // Never cut a UTF-8 sequence in two.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return std::string(text.substr(0, end)) + "…";
}

// Thrown by the sink to leave the reader once the rows shown are read (no counts wanted).
struct RowsRead {};

std::string_view container_format(std::string_view bytes) {
  switch (import::sniff_format(bytes).container) {
    case import::Container::kZip:
      return "xlsx";
    case import::Container::kCompoundFile:
      return "xls";
    case import::Container::kText:
      break;
  }
  return "text";
}

class PreviewSink final : public import::ContactSink {
 public:
  explicit PreviewSink(bool stop_after_rows) : stop_after_rows_(stop_after_rows) {}

  void on_sheets(const std::vector<std::string>& names) override { sheets = names; }

  // The sheet read wins over a sheet without a phone column met before it; of those, the first.
  void on_layout(const import::SheetLayout& l) override {
    if (l.phone_column || !layout) {
      layout = l;
      rows.clear();
      accepting_ = true;
    } else {
      accepting_ = false;
    }
  }

  void on_data_row(int number, std::span<const std::string_view> cells) override {
    if (stop_after_rows_ && rows.size() == kPreviewRows && layout && layout->phone_column) {
      throw RowsRead{};
    }
    attach_ = accepting_ && rows.size() < kPreviewRows;
    if (!attach_) return;
    PreviewRow& row = rows.emplace_back();
    row.row_number = number;
    for (std::size_t c = 0; c < cells.size() && c < kPreviewColumns; ++c) {
      row.cells.push_back(shortened(cells[c]));
    }
    while (!row.cells.empty() && row.cells.back().empty()) row.cells.pop_back();
    if (layout->phone_column && *layout->phone_column < cells.size()) {
      row.phone = shortened(cells[*layout->phone_column]);
    }
    if (layout->name_column && *layout->name_column < cells.size()) {
      row.name = shortened(cells[*layout->name_column]);
    }
  }

  void on_contact(const import::ContactRow& contact) override {
    ++valid;
    const std::uint64_t key = e164_key(contact.e164);
    if (seen_.insert(key).second) distinct.push_back(key);
    if (attach_) rows.back().numbers.push_back({contact.e164, contact.phone_type});
  }

  void on_problem(const import::RowProblem& problem) override {
    if (attach_) {
      rows.back().problems.push_back(
          {problem.row_number, shortened(problem.value), problem.reason});
    }
  }

  std::vector<std::string> sheets;
  std::optional<import::SheetLayout> layout;
  std::vector<PreviewRow> rows;
  std::int64_t valid = 0;
  std::vector<std::uint64_t> distinct;  // in file order
  const std::unordered_set<std::uint64_t>& seen() const { return seen_; }

 private:
  bool stop_after_rows_;
  bool accepting_ = false;
  bool attach_ = false;
  std::unordered_set<std::uint64_t> seen_;
};

using storage::column;

// A stored phone, and how many of a batch of phones are stored.
struct StoredPhone {
  std::string phone;
};
struct StoredCount {
  std::int64_t stored = 0;
};
constexpr storage::Table kStoredPhone{column("phone", &StoredPhone::phone)};
constexpr storage::Table kStoredCount{column("COUNT(*)", &StoredCount::stored)};

std::string lookup_sql() {
  std::string sql = "SELECT " + kStoredCount.select_list() +
                    " FROM contact_records WHERE shop_id = ? AND phone IN (";
  for (std::size_t i = 0; i < kLookupBatch; ++i) sql += i ? ", ?" : "?";
  return sql + ")";
}

// How many of `phones` (also held as the set `seen`) the shop has already stored.
std::int64_t count_stored(storage::Database& db, core::ShopId shop_id,
                          const std::vector<std::uint64_t>& phones,
                          const std::unordered_set<std::uint64_t>& seen) {
  if (phones.empty()) return 0;
  static const std::string sql = lookup_sql();
  std::int64_t stored = 0;
  if (phones.size() > kScanShopAbove) {
    db.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
      static const std::string all_phones =
          "SELECT " + kStoredPhone.select_list() + " FROM contact_records WHERE shop_id = ?";
      // One record for every row: a phone fits the string's own buffer, so reading one
      // allocates nothing.
      StoredPhone each;
      c.for_each_row(all_phones, {shop_id.value()}, [&](const storage::RowView& row) {
        kStoredPhone.read_into(each, row);
        if (seen.count(e164_key(each.phone))) ++stored;
      });
    });
    return stored;
  }
  db.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    storage::Params params;
    params.reserve(kLookupBatch + 1);
    for (std::size_t first = 0; first < phones.size(); first += kLookupBatch) {
      params.clear();
      params.emplace_back(shop_id.value());
      for (std::size_t i = 0; i < kLookupBatch; ++i) {
        const std::size_t at = std::min(first + i, phones.size() - 1);
        params.emplace_back("+" + std::to_string(phones[at]));
      }
      c.for_each_row(sql, params,
                     [&](const storage::RowView& row) { stored += kStoredCount.read(row).stored; });
    }
  });
  return stored;
}

}  // namespace

UploadPreview preview_upload(storage::Database& db, core::ShopId shop_id,
                             const std::string& phone_region, std::string_view bytes,
                             const import::SheetChoice& choice, bool with_counts) {
  SavedMappings mappings;
  db.transaction(storage::TxMode::kRead, [&](storage::Connection& c) {
    mappings = UploadMappingRepository::all(c, shop_id);
  });
  const phone::PhoneNormalizer normalizer(phone_region);
  PreviewSink sink(!with_counts);
  const import::ReadOptions options{choice, lookup_in(mappings)};
  std::optional<tl::expected<import::ParseSummary, import::ImportFailure>> summary;
  try {
    summary = import::parse_contact_sheet(bytes, normalizer, sink, options);
  } catch (const RowsRead&) {
    // The rows shown are read; the rest of the file is not.
  }

  UploadPreview out;
  out.file_format = std::string(container_format(bytes));
  out.sheets = std::move(sink.sheets);
  out.layout = std::move(sink.layout);
  out.rows = std::move(sink.rows);
  if (out.layout) {
    if (auto it = mappings.find(out.layout->signature); it != mappings.end()) {
      out.saved_mapping = it->second;
    }
  }
  if (summary && !*summary) {
    const import::ImportFailure& failure = summary->error();
    // A sheet without a phone column is shown so that one can be chosen.
    const bool choosable = failure.field == "phone_column" && !choice.phone_column && out.layout &&
                           !out.layout->phone_column;
    if (!choosable) throw_import_failure(failure);
    out.problem = failure.message;
    return out;
  }
  if (!summary || !with_counts) return out;
  const auto& read = **summary;
  const std::int64_t stored = count_stored(db, shop_id, sink.distinct, sink.seen());
  PreviewCounts counts;
  counts.total_rows = read.total_rows;
  counts.new_contacts = static_cast<std::int64_t>(sink.distinct.size()) - stored;
  counts.duplicates = sink.valid - counts.new_contacts;
  counts.invalid_rows = read.invalid_rows;
  out.counts = counts;
  return out;
}

}  // namespace rx::contacts
