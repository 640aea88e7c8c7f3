#pragma once

#include <cstddef>

#include "import/import_types.h"

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
};

}  // namespace rx::import
