#pragma once

#include <tl/expected.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "import/contact_sink.h"
#include "import/row_consumer.h"
#include "import/sheet_choice.h"
#include "import/stored_row.h"
#include "phone/phone.h"
#include "phone/phone_normalizer.h"

namespace rx::import {

// kRefused: an override does not fit the sheet (see failure()); stop reading the file.
enum class SheetOutcome { kImported, kNoPhoneColumn, kRefused };

// Turns the rows of one sheet, from any reader, into contacts and problems. It holds back the
// first kSampleRows non-blank rows to find the header row and the phone and name columns, then
// streams: memory is bounded by the sample, whatever the sheet's length.
//
// What is decided follows, field by field: the `choice` (when reading the one sheet it is for),
// else the saved mapping `options.saved` finds for the sheet's signature, else detection.
class ContactExtractor : public RowConsumer {
 public:
  ContactExtractor(const phone::PhoneNormalizer& normalizer, ContactSink& sink,
                   const ReadOptions& options = {});

  // Starts a sheet afresh (a workbook's sheets are tried in turn until one has a phone column).
  // `chosen`: this is the sheet the choice's header row and columns are for.
  void begin_sheet(std::size_t index = 0, std::string name = numbered_sheet_name(0),
                   bool chosen = false);
  // `number` is the 1-based row number as the sheet shows it. kStop: this sheet has no phone
  // column, stop reading it.
  RowAction add_row(int number, std::span<const std::string_view> cells) override;
  SheetOutcome end_sheet();

  int total_rows() const { return total_rows_; }
  int invalid_rows() const { return invalid_rows_; }
  // Why the sheet was refused (SheetOutcome::kRefused).
  const ImportFailure& failure() const { return *failure_; }

 private:
  enum class Phase { kSampling, kStreaming, kNoPhoneColumn, kRefused };

  struct Piece {
    std::string_view text;
    tl::expected<phone::Phone, std::string> result;
  };

  bool decide();
  bool refuse(std::string field, std::string message);
  void note_signature_row(std::span<const std::string_view> cells);
  std::optional<SavedLayout> saved_layout() const;
  bool settle_header(const std::vector<std::vector<std::string_view>>& rows,
                     std::optional<SavedLayout>& saved, std::size_t max_filled,
                     bool& detected_phone);
  bool settle_columns(const std::vector<std::vector<std::string_view>>& rows,
                      const std::optional<SavedLayout>& saved, bool detected_phone,
                      std::size_t max_width);
  void report_layout(const std::vector<std::vector<std::string_view>>& rows, bool found);
  bool find_header(const std::vector<std::vector<std::string_view>>& rows, std::size_t max_width);
  std::optional<std::size_t> phone_header_in(const std::vector<std::string_view>& row) const;
  std::optional<std::size_t> name_header_in(const std::vector<std::string_view>& row) const;
  bool has_phone_below(const std::vector<std::vector<std::string_view>>& rows, std::size_t row,
                       std::size_t column) const;
  bool cell_has_phone(std::string_view cell) const;
  bool find_phone_column_by_values(const std::vector<std::vector<std::string_view>>& rows,
                                   std::size_t first, std::size_t max_width);
  void process(int number, std::span<const std::string_view> cells);
  const std::string& header_for(std::size_t column);

  const phone::PhoneNormalizer& normalizer_;
  ContactSink& sink_;
  const ReadOptions& options_;

  std::size_t sheet_index_ = 0;
  std::string sheet_name_;
  bool chosen_ = false;
  int last_row_ = 0;
  std::string signature_;
  bool signature_final_ = false;
  bool saved_applied_ = false;
  std::optional<ImportFailure> failure_;

  Phase phase_ = Phase::kSampling;
  std::vector<StoredRow> sample_;
  std::size_t sample_bytes_ = 0;
  std::size_t header_index_ = 0;  // index in sample_ of the header row, when there is one
  bool has_header_ = false;
  std::size_t phone_column_ = 0;
  std::size_t name_column_ = 0;
  bool has_name_column_ = false;
  std::vector<std::string> headers_;

  int total_rows_ = 0;
  int invalid_rows_ = 0;

  // Reused from row to row so a streamed row allocates as little as possible.
  ContactRow contact_;
  RowProblem problem_;
  std::vector<Piece> pieces_;
};

}  // namespace rx::import
