#pragma once

#include "test_server.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rx::test {

// Parses RFC 4180 CSV (quoted fields, CRLF, a leading UTF-8 BOM) into rows of fields.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

// Checks that the long-format CSV download ("section,item,metric,value") holds exactly the
// figures of the report's JSON: every scalar (nested objects as "a.b") under "summary", every
// row of every array (and of arrays inside rows, as "parent.child") under its section.
void expect_csv_matches_json(const std::string& csv, const nlohmann::json& report);

// The sheet names listed in an .xlsx download's xl/workbook.xml, after checking it is a ZIP
// with xl/workbook.xml and one xl/worksheets/sheetN.xml per sheet.
std::vector<std::string> xlsx_sheet_names(const std::string& bytes);

}  // namespace rx::test
