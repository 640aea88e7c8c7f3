#include "contacts/upload_preview_json.h"

#include "core/time_zone.h"
#include "import/header_matcher.h"

namespace rx::contacts {
namespace {

nlohmann::json column_json(const import::SheetLayout& layout, std::size_t column) {
  return {{"index", column + 1},
          {"letter", import::column_letters(column)},
          {"header",
           column < layout.headers.size() ? layout.headers[column] : import::column_label(column)}};
}

nlohmann::json optional_column(const import::SheetLayout& layout,
                               const std::optional<std::size_t>& column) {
  return column ? column_json(layout, *column) : nlohmann::json(nullptr);
}

nlohmann::json saved_json(const SavedMapping& saved, const import::SheetLayout& layout,
                          std::string_view tz) {
  return {{"sheet", saved.sheet_name},
          {"header_row", saved.layout.header_row},
          {"phone_column", column_json(layout, saved.layout.phone_column)},
          {"name_column", optional_column(layout, saved.layout.name_column)},
          {"applied", layout.saved_mapping_applied},
          {"updated_at", core::format_instant(saved.updated_at, tz)}};
}

nlohmann::json row_json(const PreviewRow& row) {
  nlohmann::json numbers = nlohmann::json::array();
  for (const PreviewNumber& n : row.numbers)
    numbers.push_back({{"e164", n.e164}, {"type", n.type}});
  nlohmann::json problems = nlohmann::json::array();
  for (const UploadError& p : row.problems) {
    problems.push_back({{"value", p.value}, {"reason", p.reason}});
  }
  return {{"row", row.row_number},        {"cells", row.cells},
          {"phone", row.phone},           {"name", row.name},
          {"numbers", numbers},           {"problems", problems},
          {"valid", !row.numbers.empty()}};
}

}  // namespace

nlohmann::json to_json(const UploadPreview& preview, const std::string& file_name,
                       std::string_view time_zone) {
  nlohmann::json out = {{"preview", true}, {"file_name", file_name}};
  out["file_format"] = preview.file_format;
  nlohmann::json sheets = nlohmann::json::array();
  for (std::size_t i = 0; i < preview.sheets.size(); ++i) {
    sheets.push_back({{"index", i + 1}, {"name", preview.sheets[i]}});
  }
  out["sheets"] = sheets;
  out["sheet"] = nullptr;
  out["header_row"] = nullptr;
  out["columns"] = nlohmann::json::array();
  out["phone_column"] = nullptr;
  out["name_column"] = nullptr;
  out["signature"] = nullptr;
  out["saved_mapping"] = nullptr;
  if (const auto& layout = preview.layout) {
    out["sheet"] = {{"index", layout->sheet_index + 1}, {"name", layout->sheet_name}};
    out["header_row"] = layout->header_row;
    for (std::size_t c = 0; c < layout->headers.size(); ++c) {
      out["columns"].push_back(column_json(*layout, c));
    }
    out["phone_column"] = optional_column(*layout, layout->phone_column);
    out["name_column"] = optional_column(*layout, layout->name_column);
    out["signature"] = layout->signature;
    if (preview.saved_mapping)
      out["saved_mapping"] = saved_json(*preview.saved_mapping, *layout, time_zone);
  }
  out["rows"] = nlohmann::json::array();
  for (const PreviewRow& row : preview.rows) out["rows"].push_back(row_json(row));
  if (const auto& counts = preview.counts) {
    out["counts"] = {{"total_rows", counts->total_rows},
                     {"new", counts->new_contacts},
                     {"duplicate", counts->duplicates},
                     {"invalid", counts->invalid_rows}};
  } else {
    out["counts"] = nullptr;
  }
  out["problem"] = preview.problem ? nlohmann::json(*preview.problem) : nullptr;
  return out;
}

}  // namespace rx::contacts
