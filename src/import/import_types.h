#pragma once

#include <string>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

namespace rx::import {

enum class FileFormat { kXlsx, kXls, kDelimitedText };

// Why a whole file was refused. Expected outcomes of user uploads, so a value, not an exception.
struct ImportFailure {
  enum class Kind {
    kUnsupportedFormat,  // not a spreadsheet we read (an image, a ZIP that is not .xlsx...)
    kMalformed,  // damaged or hostile (truncated ZIP, bad XML, a DTD, more columns than Excel
                 // allows) or without a phone column
    kTooLarge,   // inflates past the limit (a zip bomb)
  };
  Kind kind;
  std::string message;  // for the person who uploaded the file
  // The upload's form field the failure is about: "file", or an override ("sheet",
  // "header_row", "phone_column", "name_column") that cannot be applied to this file.
  std::string field = "file";
};

// A reader's answer for a file it refuses.
inline tl::unexpected<ImportFailure> refused(ImportFailure::Kind kind, std::string message) {
  return tl::unexpected<ImportFailure>(ImportFailure{kind, std::move(message)});
}

// An override of the upload (`field`) that does not fit this file.
inline ImportFailure field_failure(std::string field, std::string message) {
  return ImportFailure{ImportFailure::Kind::kMalformed, std::move(message), std::move(field)};
}

// One valid number found in the sheet. A cell with several numbers yields several rows.
struct ContactRow {
  int row_number = 0;     // 1-based, as the spreadsheet shows it (title and header rows counted)
  std::string raw_value;  // the phone cell's text as found (numeric cells as exact integer text)
  std::string e164;
  std::string phone_type;  // rx::phone::to_string(NumberType)
  std::string name;        // from a name column (name, customer, patient...) or empty
  // Every other column with a non-empty value: header -> value ("Column C" without a header).
  std::vector<std::pair<std::string, std::string>> extra;
};

// A row without a valid number (value = the cell's text), or one invalid piece of a cell that
// also held a valid number (value = that piece).
struct RowProblem {
  int row_number = 0;
  std::string value;
  std::string reason;
};

struct ParseSummary {
  FileFormat format;
  int total_rows;    // non-blank data rows (title, header and blank rows excluded)
  int invalid_rows;  // data rows without any valid phone number
};

}  // namespace rx::import
