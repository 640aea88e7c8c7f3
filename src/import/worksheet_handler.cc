#include "import/worksheet_handler.h"

#include <charconv>

#include <fmt/format.h>

#include "import/import_limits.h"
#include "import/numeric_text.h"

namespace rx::import {
namespace {

// "BC12" -> column 54 (0-based); false when there are no letters or past XFD.
bool column_of(std::string_view ref, std::size_t& column) {
  std::size_t n = 0;
  std::size_t letters = 0;
  for (char c : ref) {
    if (c >= 'A' && c <= 'Z') {
      n = n * 26 + static_cast<std::size_t>(c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      n = n * 26 + static_cast<std::size_t>(c - 'a' + 1);
    } else {
      break;
    }
    if (++letters > 3) return false;
  }
  if (letters == 0 || n > kMaxColumns) return false;
  column = n - 1;
  return true;
}

bool parse_int(std::string_view text, long long& value) {
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  return result.ec == std::errc{} && result.ptr == text.data() + text.size();
}

ImportFailure malformed_sheet(std::string message) {
  return ImportFailure{ImportFailure::Kind::kMalformed, std::move(message)};
}

}  // namespace

WorksheetHandler::WorksheetHandler(const SharedStrings& strings, RowConsumer& rows)
    : strings_(strings), rows_(rows) {}

void WorksheetHandler::start_element(std::string_view name, const char** attributes) {
  if (name == "sheetData") {
    in_sheet_data_ = true;
  } else if (!in_sheet_data_) {
    return;
  } else if (name == "row") {
    start_row(attributes);
  } else if (name == "c") {
    start_cell(attributes);
  } else if (name == "v") {
    capture_ = type_ != CellType::kInline;
  } else if (name == "t") {
    capture_ = type_ == CellType::kInline && !in_phonetic_;
  } else if (name == "rPh") {
    in_phonetic_ = true;
  }
}

void WorksheetHandler::end_element(std::string_view name) {
  if (!in_sheet_data_) return;
  if (name == "v" || name == "t") {
    capture_ = false;
  } else if (name == "rPh") {
    in_phonetic_ = false;
  } else if (name == "c") {
    end_cell();
  } else if (name == "row") {
    end_row();
  } else if (name == "sheetData") {
    in_sheet_data_ = false;
  }
}

void WorksheetHandler::characters(std::string_view text) {
  if (!capture_) return;
  if (value_.size() + text.size() > kMaxCellBytes) {
    fail(malformed_sheet(fmt::format("Row {} has a cell longer than Excel allows.", row_number_)));
    return;
  }
  value_.append(text);
}

void WorksheetHandler::start_row(const char** attributes) {
  long long number = row_number_ + 1;
  if (const auto r = attribute(attributes, "r")) {
    if (!parse_int(*r, number) || number <= row_number_ || number > kMaxSheetRows) {
      fail(malformed_sheet(
          fmt::format("The sheet's row numbers are damaged after row {}.", row_number_)));
      return;
    }
  }
  row_number_ = static_cast<int>(number);
  next_column_ = 0;
  row_text_.clear();
  spans_.clear();
}

void WorksheetHandler::start_cell(const char** attributes) {
  column_ = next_column_;
  // One pass over the attributes: this runs for every cell of the sheet.
  std::string_view t = "n";
  for (const char** a = attributes; a[0] != nullptr; a += 2) {
    if (a[0][0] == 'r' && a[0][1] == '\0') {
      if (!column_of(a[1], column_)) {
        fail(malformed_sheet(fmt::format("Row {} has a cell beyond column XFD.", row_number_)));
        return;
      }
    } else if (a[0][0] == 't' && a[0][1] == '\0') {
      t = a[1];
    }
  }
  if (column_ >= kMaxColumns) {
    fail(
        malformed_sheet(fmt::format("Row {} has more than {} columns.", row_number_, kMaxColumns)));
    return;
  }
  next_column_ = column_ + 1;
  if (t == "s") {
    type_ = CellType::kShared;
  } else if (t == "inlineStr") {
    type_ = CellType::kInline;
  } else if (t == "b") {
    type_ = CellType::kBoolean;
  } else if (t == "str" || t == "e") {
    type_ = CellType::kText;
  } else {
    type_ = CellType::kNumber;  // "n", and "d" (ISO dates) kept as written
  }
  value_.clear();
  capture_ = false;
  in_phonetic_ = false;
}

void WorksheetHandler::end_cell() {
  std::string_view text = value_;
  switch (type_) {
    case CellType::kShared: {
      long long index = 0;
      if (!parse_int(value_, index) || index < 0 ||
          static_cast<std::size_t>(index) >= strings_.size()) {
        fail(
            malformed_sheet(fmt::format("Row {} refers to a missing shared string.", row_number_)));
        return;
      }
      text = strings_.at(static_cast<std::size_t>(index));
      break;
    }
    case CellType::kNumber:
      text = exact_numeric_text(value_, scratch_);
      break;
    case CellType::kBoolean:
      text = value_ == "1" ? "TRUE" : (value_ == "0" ? "FALSE" : text);
      break;
    case CellType::kInline:
    case CellType::kText:
      break;
  }
  if (text.empty()) return;
  if (row_text_.size() + text.size() > kMaxRowBytes) {
    fail(malformed_sheet(fmt::format("Row {} is too long to be a contact.", row_number_)));
    return;
  }
  const auto begin = static_cast<std::uint32_t>(row_text_.size());
  row_text_.append(text);
  if (spans_.size() <= column_) spans_.resize(column_ + 1, {begin, begin});
  spans_[column_] = {begin, static_cast<std::uint32_t>(row_text_.size())};
}

void WorksheetHandler::end_row() {
  cells_.clear();
  const std::string_view text(row_text_);
  for (const auto& [begin, end] : spans_) cells_.push_back(text.substr(begin, end - begin));
  if (rows_.add_row(row_number_, cells_) == RowAction::kStop) stop();
}

}  // namespace rx::import
