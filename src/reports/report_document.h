#pragma once

#include <nlohmann/json.hpp>

#include <span>
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

// How one array of a report's JSON becomes a table. A literal type, so that a report's layout
// is a constant checked at compile time (report_registry.h).
struct TableSpec {
  std::string_view name;        // the array's key; "parent.child" for an array in each parent row
  std::string_view item_label;  // header of the item column: by default also the row's field
  std::span<const std::string_view> columns;  // the row's fields, in order
  std::string_view parent_column = {};  // for "parent.child": a parent field repeated in each row
  // The item column of a row when it is not the row's `item_label` field.
  std::string (*item)(const nlohmann::json& row) = nullptr;
};

// The tables of a report's download. It has no default: a report states its tables, or that it
// has none (summary_only), so a report cannot be registered without deciding its layout.
class ReportLayout {
 public:
  constexpr explicit ReportLayout(std::span<const TableSpec> tables) : tables_(tables) {}
  static constexpr ReportLayout summary_only() {
    return ReportLayout(std::span<const TableSpec>());
  }

  constexpr std::span<const TableSpec> tables() const { return tables_; }

 private:
  std::span<const TableSpec> tables_;
};

// Every top-level scalar and every scalar inside nested objects becomes a summary metric; every
// array the layout names becomes a table. Throws nothing of its own (a missing array is an
// empty table).
ReportDocument document_from_json(const nlohmann::json& report, const ReportLayout& layout);

// A cell as text: strings as they are, numbers as JSON writes them, null as empty.
std::string cell_text(const nlohmann::json& value);

}  // namespace rx::reports
