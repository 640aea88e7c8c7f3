#include "recording_sink.h"

namespace rx::import::testing {

std::string format_name(FileFormat format) {
  switch (format) {
    case FileFormat::kXlsx:
      return "xlsx";
    case FileFormat::kXls:
      return "xls";
    case FileFormat::kDelimitedText:
      return "delimited_text";
  }
  return "?";
}

std::string failure_kind_name(ImportFailure::Kind kind) {
  switch (kind) {
    case ImportFailure::Kind::kUnsupportedFormat:
      return "unsupported_format";
    case ImportFailure::Kind::kMalformed:
      return "malformed";
    case ImportFailure::Kind::kTooLarge:
      return "too_large";
  }
  return "?";
}

nlohmann::json to_json(const tl::expected<ParseSummary, ImportFailure>& result,
                       const RecordingSink& sink) {
  nlohmann::json out;
  if (result) {
    out["summary"] = {{"format", format_name(result->format)},
                      {"total_rows", result->total_rows},
                      {"invalid_rows", result->invalid_rows}};
  } else {
    // Only the kind: messages are for people and may be reworded.
    out["failure"] = failure_kind_name(result.error().kind);
  }
  out["contacts"] = nlohmann::json::array();
  for (const ContactRow& row : sink.contacts) {
    nlohmann::json extra = nlohmann::json::array();
    for (const auto& [header, value] : row.extra) extra.push_back({header, value});
    out["contacts"].push_back({{"row", row.row_number},
                               {"raw", row.raw_value},
                               {"e164", row.e164},
                               {"type", row.phone_type},
                               {"name", row.name},
                               {"extra", extra}});
  }
  out["problems"] = nlohmann::json::array();
  for (const RowProblem& problem : sink.problems) {
    out["problems"].push_back(
        {{"row", problem.row_number}, {"value", problem.value}, {"reason", problem.reason}});
  }
  return out;
}

}  // namespace rx::import::testing
