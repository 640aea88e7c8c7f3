#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "import/import_types.h"
#include "import/sheet_choice.h"

namespace rx::import {

// Receives the contacts of a sheet as they are read, so memory stays bounded by a row, not a
// file. The references are only valid during the call.
class ContactSink {
 public:
  virtual ~ContactSink() = default;
  virtual void on_contact(const ContactRow& row) = 0;
  virtual void on_problem(const RowProblem& problem) = 0;
  // Called now and then; `bytes_done` is an estimate for XLSX (inflated parts vs. file size).
  virtual void on_progress(std::size_t /*bytes_done*/, std::size_t /*bytes_total*/) {}
  // The workbook's sheet names, in order (for a legacy .xls: the sheets met so far, called again
  // as more are met).
  virtual void on_sheets(const std::vector<std::string>& /*names*/) {}
  // A sheet's layout once decided, before its first data row. Called with no phone column for
  // each sheet where none could be found (its sample rows then follow as data rows).
  virtual void on_layout(const SheetLayout& /*layout*/) {}
  // A data row as read, before the contacts and problems it yields.
  virtual void on_data_row(int /*number*/, std::span<const std::string_view> /*cells*/) {}
};

}  // namespace rx::import
