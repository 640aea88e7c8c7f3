#include "reports/report_document.h"

namespace rx::reports {
namespace {

void flatten(const nlohmann::json& object, const std::string& prefix,
             std::vector<SummaryMetric>& out) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string name = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object()) {
      flatten(*it, name, out);
    } else if (!it->is_array()) {
      out.push_back({name, *it});
    }
  }
}

nlohmann::json field(const nlohmann::json& row, std::string_view key) {
  const auto it = row.find(key);
  return it == row.end() ? nlohmann::json() : *it;
}

std::string item_of(const TableSpec& spec, const nlohmann::json& row) {
  return spec.item ? spec.item(row) : cell_text(field(row, spec.item_label));
}

TableRow row_of(const TableSpec& spec, const nlohmann::json& row, const nlohmann::json* parent) {
  TableRow out{item_of(spec, row), {}};
  if (parent) out.values.push_back(field(*parent, spec.parent_column));
  for (std::string_view column : spec.columns) out.values.push_back(field(row, column));
  return out;
}

const nlohmann::json& array_at(const nlohmann::json& object, std::string_view key) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  const auto it = object.find(key);
  return it == object.end() ? kEmpty : *it;
}

}  // namespace

std::string cell_text(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

ReportDocument document_from_json(const nlohmann::json& report, const ReportLayout& layout) {
  ReportDocument doc;
  flatten(report, "", doc.summary);
  for (const TableSpec& spec : layout.tables()) {
    Table table{std::string(spec.name), std::string(spec.item_label), {}, {}};
    if (!spec.parent_column.empty()) table.columns.emplace_back(spec.parent_column);
    for (std::string_view column : spec.columns) table.columns.emplace_back(column);
    const std::size_t dot = spec.name.find('.');
    if (dot == std::string_view::npos) {
      for (const nlohmann::json& row : array_at(report, spec.name))
        table.rows.push_back(row_of(spec, row, nullptr));
    } else {
      const std::string_view child = spec.name.substr(dot + 1);
      for (const nlohmann::json& parent : array_at(report, spec.name.substr(0, dot))) {
        for (const nlohmann::json& row : array_at(parent, child))
          table.rows.push_back(row_of(spec, row, &parent));
      }
    }
    doc.tables.push_back(std::move(table));
  }
  return doc;
}

}  // namespace rx::reports
