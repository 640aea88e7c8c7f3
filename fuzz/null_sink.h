#pragma once

#include "import/contact_sink.h"

namespace rx::fuzz {

// Touches what it is given, so the sanitizers see every byte the readers hand out.
class NullSink : public import::ContactSink {
 public:
  void on_contact(const import::ContactRow& row) override {
    bytes_ += row.raw_value.size() + row.e164.size() + row.name.size();
    for (const auto& [header, value] : row.extra) bytes_ += header.size() + value.size();
  }
  void on_problem(const import::RowProblem& problem) override {
    bytes_ += problem.value.size() + problem.reason.size();
  }

 private:
  std::size_t bytes_ = 0;
};

}  // namespace rx::fuzz
