#include "import/delimited_reader.h"

#include <fmt/format.h>

#include "import/contact_extractor.h"
#include "import/csv_tokenizer.h"
#include "import/delimiter_detector.h"
#include "import/import_limits.h"
#include "import/text_decoder.h"

namespace rx::import {
namespace {

constexpr std::size_t kSampleBytes = 64 * 1024;

}  // namespace

tl::expected<ParseSummary, ImportFailure> read_delimited_text(
    std::string_view bytes, const phone::PhoneNormalizer& normalizer, ContactSink& sink,
    const ReadOptions& options) {
  const DetectedText text = detect_encoding(bytes);

  // The first chunk decides whether this is text at all and which delimiter it uses.
  std::string_view first;
  Utf8Chunks sampler(text);
  if (!sampler.next(first)) {
    return refused(ImportFailure::Kind::kMalformed, "The file is empty.");
  }
  const bool whole = first.size() <= kSampleBytes && sampler.consumed() == text.body.size();
  const std::string_view sample = first.substr(0, kSampleBytes);
  if (!looks_like_text(sample)) {
    return refused(ImportFailure::Kind::kUnsupportedFormat,
                   "This file is not a spreadsheet: upload an Excel file (.xlsx or .xls) or a "
                   "CSV/text file.");
  }
  const char delimiter = detect_delimiter(sample, whole);

  // A text file is one sheet, so every choice is for it.
  const std::vector<std::string> names{numbered_sheet_name(0)};
  sink.on_sheets(names);
  if (auto chosen = resolve_sheet(options.choice, names); !chosen) {
    return tl::unexpected<ImportFailure>(chosen.error());
  }
  ContactExtractor extractor(normalizer, sink, options);
  extractor.begin_sheet(0, names.front(), true);
  CsvTokenizer tokenizer(delimiter);
  int row_number = 0;
  const CsvTokenizer::RecordFn on_record = [&](std::span<const std::string_view> cells) {
    ++row_number;
    return extractor.add_row(row_number, cells) == RowAction::kContinue;
  };

  Utf8Chunks chunks(text);
  std::string_view chunk;
  std::size_t reported = 0;
  CsvTokenizer::Status status = CsvTokenizer::Status::kOk;
  while (status == CsvTokenizer::Status::kOk && chunks.next(chunk)) {
    status = tokenizer.feed(chunk, on_record);
    if (chunks.consumed() - reported >= kProgressStepBytes) {
      reported = chunks.consumed();
      sink.on_progress(reported, bytes.size());
    }
  }
  if (status == CsvTokenizer::Status::kOk) status = tokenizer.finish(on_record);

  switch (status) {
    case CsvTokenizer::Status::kOk:
    case CsvTokenizer::Status::kStopped:
      break;
    case CsvTokenizer::Status::kTooManyColumns:
      return refused(ImportFailure::Kind::kMalformed,
                     fmt::format("Row {} has more than {} columns.", row_number + 1, kMaxColumns));
    case CsvTokenizer::Status::kCellTooLong:
      return refused(ImportFailure::Kind::kMalformed,
                     fmt::format("Row {} has a cell longer than a spreadsheet allows (a quote "
                                 "that is never closed?).",
                                 row_number + 1));
    case CsvTokenizer::Status::kRowTooLong:
      return refused(ImportFailure::Kind::kMalformed,
                     fmt::format("Row {} is too long to be a contact.", row_number + 1));
  }
  switch (extractor.end_sheet()) {
    case SheetOutcome::kImported:
      break;
    case SheetOutcome::kRefused:
      return tl::unexpected<ImportFailure>(extractor.failure());
    case SheetOutcome::kNoPhoneColumn:
      return tl::unexpected<ImportFailure>(no_phone_column(std::nullopt));
  }
  sink.on_progress(bytes.size(), bytes.size());
  return ParseSummary{FileFormat::kDelimitedText, extractor.total_rows(), extractor.invalid_rows()};
}

}  // namespace rx::import
