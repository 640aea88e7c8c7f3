#pragma once

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

// A report laid out for a download: summary metrics, then tables. Built from the report's JSON,
// so a download always says what the JSON says.
namespace rx::reports {

struct SummaryMetric {
  std::string name;      // dotted for nested objects: "sent.whatsapp"
  nlohmann::json value;  // a number, string, boolean or null
};

struct TableRow {
  std::string item;  // what the row is about: a staff name, a file name, a date, a bucket
  std::vector<nlohmann::json> values;
};

struct Table {
  std::string name;  // the JSON array; "below_threshold.medicines" for an array inside rows
  std::string item_label;
  std::vector<std::string> columns;
  std::vector<TableRow> rows;
};

struct ReportDocument {
  std::vector<SummaryMetric> summary;
  std::vector<Table> tables;
};

// How one array of a report's JSON becomes a table.
struct TableSpec {
  std::string name;        // the array's key; "parent.child" for an array in each parent row
  std::string item_label;  // header of the item column
  std::function<std::string(const nlohmann::json& row)> item;
  std::vector<std::string> columns;  // the row's fields, in order
  std::string parent_column;         // for "parent.child": a parent field repeated in each row
};

// The table specs of `report` (conversion, refills, adherence, customers, timeseries).
const std::vector<TableSpec>& table_specs(std::string_view report);

// Every top-level scalar and every scalar inside nested objects becomes a summary metric; every
// array with a spec becomes a table.
ReportDocument document_from_json(const nlohmann::json& report,
                                  const std::vector<TableSpec>& specs);

// A cell as text: strings as they are, numbers as JSON writes them, null as empty.
std::string cell_text(const nlohmann::json& value);

}  // namespace rx::reports
