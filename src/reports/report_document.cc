#include "reports/report_document.h"

#include <map>

namespace rx::reports {
namespace {

std::function<std::string(const nlohmann::json&)> field(std::string key) {
  return [key](const nlohmann::json& row) { return cell_text(row.value(key, nlohmann::json())); };
}

std::string bucket(const nlohmann::json& row) {
  return cell_text(row.at("from")) + "-" + cell_text(row.at("to"));
}

const std::map<std::string, std::vector<TableSpec>, std::less<>>& all_specs() {
  static const std::map<std::string, std::vector<TableSpec>, std::less<>> specs{
      {"conversion",
       {{"by_staff",
         "name",
         field("name"),
         {"staff_id", "assigned", "contacted", "converted", "yellow", "conversion_value_paise",
          "interactions", "follow_ups_overdue"},
         ""},
        {"by_upload",
         "file_name",
         field("file_name"),
         {"upload_id", "uploaded_at", "total", "pending", "contacted", "converted", "yellow",
          "conversion_value_paise", "conversion_rate"},
         ""}}},
      {"refills", {}},
      {"adherence",
       {{"distribution", "bucket", bucket, {"from", "to", "customers"}, ""},
        {"below_threshold",
         "name",
         field("name"),
         {"customer_id", "phone", "pdc", "last_purchase_on", "days_without_supply"},
         ""},
        {"below_threshold.medicines",
         "medicine",
         field("medicine"),
         {"pdc", "purchases"},
         "customer_id"}}},
      {"customers",
       {{"weekly", "week_start", field("week_start"), {"new", "returning"}, ""},
        {"top_refilled_medicines", "medicine", field("medicine"), {"refills"}, ""}}},
      {"timeseries", {{"points", "date", field("date"), {"count", "amount_paise"}, ""}}},
  };
  return specs;
}

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

TableRow row_of(const TableSpec& spec, const nlohmann::json& row, const nlohmann::json* parent) {
  TableRow out{spec.item(row), {}};
  if (parent) out.values.push_back(parent->value(spec.parent_column, nlohmann::json()));
  for (const std::string& column : spec.columns)
    out.values.push_back(row.value(column, nlohmann::json()));
  return out;
}

}  // namespace

const std::vector<TableSpec>& table_specs(std::string_view report) {
  return all_specs().find(report)->second;
}

std::string cell_text(const nlohmann::json& value) {
  if (value.is_null()) return "";
  if (value.is_string()) return value.get<std::string>();
  return value.dump();
}

ReportDocument document_from_json(const nlohmann::json& report,
                                  const std::vector<TableSpec>& specs) {
  ReportDocument doc;
  flatten(report, "", doc.summary);
  for (const TableSpec& spec : specs) {
    Table table{spec.name, spec.item_label, {}, {}};
    if (!spec.parent_column.empty()) table.columns.push_back(spec.parent_column);
    table.columns.insert(table.columns.end(), spec.columns.begin(), spec.columns.end());
    const std::size_t dot = spec.name.find('.');
    if (dot == std::string::npos) {
      for (const nlohmann::json& row : report.value(spec.name, nlohmann::json::array()))
        table.rows.push_back(row_of(spec, row, nullptr));
    } else {
      const std::string child = spec.name.substr(dot + 1);
      for (const nlohmann::json& parent :
           report.value(spec.name.substr(0, dot), nlohmann::json::array())) {
        for (const nlohmann::json& row : parent.value(child, nlohmann::json::array()))
          table.rows.push_back(row_of(spec, row, &parent));
      }
    }
    doc.tables.push_back(std::move(table));
  }
  return doc;
}

}  // namespace rx::reports
