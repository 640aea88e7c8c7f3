#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "import/contact_sheet.h"

namespace rx::import::testing {

// Keeps everything a parse produced, for comparison with golden files.
class RecordingSink : public ContactSink {
 public:
  void on_contact(const ContactRow& row) override { contacts.push_back(row); }
  void on_problem(const RowProblem& problem) override { problems.push_back(problem); }
  void on_progress(std::size_t done, std::size_t total) override {
    last_progress_done = done;
    last_progress_total = total;
  }

  std::vector<ContactRow> contacts;
  std::vector<RowProblem> problems;
  std::size_t last_progress_done = 0;
  std::size_t last_progress_total = 0;
};

// Counts only: for large inputs where keeping every row would distort memory or time.
class CountingSink : public ContactSink {
 public:
  void on_contact(const ContactRow&) override { ++contacts; }
  void on_problem(const RowProblem&) override { ++problems; }

  std::size_t contacts = 0;
  std::size_t problems = 0;
};

std::string format_name(FileFormat format);
std::string failure_kind_name(ImportFailure::Kind kind);

// The golden-file form of a parse: summary (or failure kind), contacts and problems.
nlohmann::json to_json(const tl::expected<ParseSummary, ImportFailure>& result,
                       const RecordingSink& sink);

}  // namespace rx::import::testing
