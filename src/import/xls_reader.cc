#include "import/xls_reader.h"

#include <freexl.h>

#include <memory>
#include <string>
#include <vector>

#include "import/contact_extractor.h"
#include "import/memory_file.h"
#include "import/numeric_text.h"

namespace rx::import {
namespace {

struct HandleCloser {
  void operator()(const void* handle) const { freexl_close(handle); }
};
using XlsHandle = std::unique_ptr<const void, HandleCloser>;

tl::unexpected<ImportFailure> failure(ImportFailure::Kind kind, std::string message) {
  return tl::unexpected<ImportFailure>(ImportFailure{kind, std::move(message)});
}

tl::unexpected<ImportFailure> password_protected() {
  return failure(ImportFailure::Kind::kUnsupportedFormat,
                 "The .xls file is password protected; remove the password and upload again.");
}

tl::unexpected<ImportFailure> open_failure(int code) {
  switch (code) {
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND:
      return failure(ImportFailure::Kind::kUnsupportedFormat,
                     "This Office file is not an Excel workbook: upload an .xlsx, .xls or CSV "
                     "file.");
    case FREEXL_INSUFFICIENT_MEMORY:
      return failure(ImportFailure::Kind::kTooLarge, "The .xls file is too large to read.");
    default:
      return failure(ImportFailure::Kind::kMalformed,
                     "The .xls file is damaged or incomplete (error " + std::to_string(code) +
                         "); save it again, preferably as .xlsx.");
  }
}

// The cell as text: numbers as exact integers where they are integers.
std::string_view cell_text(const FreeXL_CellValue& cell, std::string& scratch) {
  switch (cell.type) {
    case FREEXL_CELL_INT:
      scratch = std::to_string(cell.value.int_value);
      return scratch;
    case FREEXL_CELL_DOUBLE:
      return double_text(cell.value.double_value, scratch);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
    case FREEXL_CELL_TIME:
      return cell.value.text_value ? std::string_view(cell.value.text_value) : std::string_view();
    default:
      return {};
  }
}

}  // namespace

tl::expected<ParseSummary, ImportFailure> read_xls(std::string_view bytes,
                                                   const phone::PhoneNormalizer& normalizer,
                                                   ContactSink& sink) {
  const std::optional<MemoryFile> file = MemoryFile::create(bytes);
  if (!file) {
    return failure(ImportFailure::Kind::kTooLarge, "No room to read the .xls file; try again.");
  }
  const void* raw = nullptr;
  const int opened = freexl_open(file->path().c_str(), &raw);
  const XlsHandle handle(raw);
  if (opened != FREEXL_OK) return open_failure(opened);

  unsigned int password = 0;
  if (freexl_get_info(raw, FREEXL_BIFF_PASSWORD, &password) == FREEXL_OK &&
      password == FREEXL_BIFF_OBFUSCATED) {
    return password_protected();
  }
  unsigned int sheet_count = 0;
  if (freexl_get_info(raw, FREEXL_BIFF_SHEET_COUNT, &sheet_count) != FREEXL_OK) {
    return open_failure(FREEXL_BIFF_WORKBOOK_NOT_FOUND);
  }

  ContactExtractor extractor(normalizer, sink);
  std::vector<std::string> texts;
  std::vector<std::string_view> cells;
  for (unsigned int sheet = 0; sheet < sheet_count; ++sheet) {
    if (freexl_select_active_worksheet(raw, static_cast<unsigned short>(sheet)) != FREEXL_OK) {
      continue;
    }
    unsigned int rows = 0;
    unsigned short columns = 0;
    if (freexl_worksheet_dimensions(raw, &rows, &columns) != FREEXL_OK) continue;
    extractor.begin_sheet();
    texts.resize(columns);
    bool stopped = false;
    for (unsigned int row = 0; row < rows && !stopped; ++row) {
      cells.clear();
      for (unsigned short column = 0; column < columns; ++column) {
        FreeXL_CellValue cell;
        if (freexl_get_cell_value(raw, row, column, &cell) != FREEXL_OK) {
          cell.type = FREEXL_CELL_NULL;
        }
        const std::string_view text = cell_text(cell, texts[column]);
        cells.push_back(text);
      }
      stopped = extractor.add_row(static_cast<int>(row + 1), cells) == RowAction::kStop;
    }
    if (extractor.end_sheet() == SheetOutcome::kImported) {
      sink.on_progress(bytes.size(), bytes.size());
      return ParseSummary{FileFormat::kXls, extractor.total_rows(), extractor.invalid_rows()};
    }
  }
  return failure(ImportFailure::Kind::kMalformed,
                 "No sheet has a phone column: name it \"Phone\" or \"Mobile\" in the header row.");
}

}  // namespace rx::import
