#include "report_checks.h"

#include "import/zip_archive.h"

#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

namespace rx::test {
namespace {

struct Line {
  std::string section, item, metric, value;
};

// Same figure: numbers compared as numbers ("50.0" and 50), the rest as text, null as "".
void expect_same(const nlohmann::json& expected, const std::string& actual,
                 const std::string& where) {
  if (expected.is_number()) {
    ASSERT_FALSE(actual.empty()) << where;
    EXPECT_DOUBLE_EQ(std::stod(actual), expected.get<double>()) << where;
  } else if (expected.is_null()) {
    EXPECT_EQ(actual, "") << where;
  } else if (expected.is_string()) {
    EXPECT_EQ(actual, expected.get<std::string>()) << where;
  } else {
    EXPECT_EQ(actual, expected.dump()) << where;
  }
}

void flatten(const nlohmann::json& object, const std::string& prefix,
             std::map<std::string, nlohmann::json>& out) {
  for (auto it = object.begin(); it != object.end(); ++it) {
    const std::string name = prefix.empty() ? it.key() : prefix + "." + it.key();
    if (it->is_object()) {
      flatten(*it, name, out);
    } else if (!it->is_array()) {
      out[name] = *it;
    }
  }
}

// Rows of one table: its lines split every time the first metric comes round again.
std::vector<std::vector<Line>> rows_of(const std::vector<Line>& lines) {
  std::vector<std::vector<Line>> rows;
  for (const Line& l : lines) {
    if (rows.empty() || l.metric == lines.front().metric) rows.emplace_back();
    rows.back().push_back(l);
  }
  return rows;
}

// One JSON row against its CSV lines: every field but the one naming the row is a metric with
// the same value, and that one (if any) is the item.
void expect_row(const nlohmann::json& row, const std::vector<Line>& lines,
                const std::string& where) {
  std::map<std::string, std::string> metrics;
  for (const Line& l : lines) metrics[l.metric] = l.value;
  int unmatched = 0;
  for (auto it = row.begin(); it != row.end(); ++it) {
    if (it->is_array()) continue;
    auto found = metrics.find(it.key());
    if (found != metrics.end()) {
      expect_same(*it, found->second, where + "." + it.key());
      continue;
    }
    ++unmatched;
    expect_same(*it, lines.front().item, where + " item " + it.key());
  }
  EXPECT_LE(unmatched, 1) << where << ": fields missing from the CSV";
}

void expect_table(const std::string& section, const std::vector<nlohmann::json>& rows,
                  const std::vector<Line>& lines,
                  const std::vector<nlohmann::json>& parent_ids = {}) {
  const auto csv_rows = rows_of(lines);
  ASSERT_EQ(csv_rows.size(), rows.size()) << section;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    nlohmann::json row = rows[i];
    if (!parent_ids.empty()) row["customer_id"] = parent_ids[i];
    expect_row(row, csv_rows[i], section + "[" + std::to_string(i) + "]");
  }
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string field;
  bool quoted = false;
  std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      rows.back().push_back(std::move(field));
      field.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(std::move(field));
      field.clear();
      rows.emplace_back();
      ++i;
    } else {
      field += c;
    }
  }
  if (rows.back().empty() && field.empty()) rows.pop_back();
  return rows;
}

void expect_csv_matches_json(const std::string& csv, const nlohmann::json& report) {
  const auto rows = parse_csv(csv);
  ASSERT_FALSE(rows.empty());
  ASSERT_EQ(rows[0], (std::vector<std::string>{"section", "item", "metric", "value"}));
  std::map<std::string, std::vector<Line>> sections;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ASSERT_EQ(rows[r].size(), 4u) << "line " << r;
    sections[rows[r][0]].push_back({rows[r][0], rows[r][1], rows[r][2], rows[r][3]});
  }

  std::map<std::string, nlohmann::json> scalars;
  flatten(report, "", scalars);
  std::set<std::string> summary_metrics;
  for (const Line& l : sections["summary"]) {
    summary_metrics.insert(l.metric);
    ASSERT_TRUE(scalars.count(l.metric)) << l.metric << " is not in the JSON";
    expect_same(scalars[l.metric], l.value, "summary " + l.metric);
  }
  EXPECT_EQ(summary_metrics.size(), scalars.size()) << "every scalar is in the summary";
  sections.erase("summary");

  for (auto it = report.begin(); it != report.end(); ++it) {
    if (!it->is_array()) continue;
    std::vector<nlohmann::json> rows_json(it->begin(), it->end());
    expect_table(it.key(), rows_json, sections[it.key()]);
    sections.erase(it.key());
    // Arrays inside rows (the medicines of each customer below the threshold).
    std::map<std::string, std::pair<std::vector<nlohmann::json>, std::vector<nlohmann::json>>>
        children;
    for (const auto& row : *it) {
      for (auto field = row.begin(); field != row.end(); ++field) {
        if (!field->is_array()) continue;
        auto& [child_rows, parents] = children[it.key() + "." + field.key()];
        for (const auto& child : *field) {
          child_rows.push_back(child);
          parents.push_back(row.at("customer_id"));
        }
      }
    }
    for (const auto& [name, child] : children) {
      expect_table(name, child.first, sections[name], child.second);
      sections.erase(name);
    }
  }
  for (const auto& [name, lines] : sections)
    EXPECT_TRUE(lines.empty()) << "section " << name << " is not in the JSON";
}

std::vector<std::string> xlsx_sheet_names(const std::string& bytes) {
  auto archive = import::ZipArchive::open(bytes);
  EXPECT_TRUE(archive.has_value()) << "not a ZIP";
  if (!archive) return {};
  auto workbook = archive->find("xl/workbook.xml");
  EXPECT_TRUE(workbook.has_value()) << "no xl/workbook.xml";
  if (!workbook) return {};
  std::string xml;
  import::InflateBudget budget{10'000'000};
  EXPECT_TRUE(archive->read(*workbook, budget, [&xml](std::string_view chunk) {
    xml.append(chunk);
    return true;
  }));
  std::vector<std::string> names;
  const std::regex sheet("<sheet name=\"([^\"]+)\"");
  for (auto m = std::sregex_iterator(xml.begin(), xml.end(), sheet); m != std::sregex_iterator();
       ++m) {
    names.push_back((*m)[1]);
  }
  for (std::size_t n = 1; n <= names.size(); ++n) {
    EXPECT_TRUE(archive->find("xl/worksheets/sheet" + std::to_string(n) + ".xml"))
        << "sheet " << n << " has no worksheet part";
  }
  EXPECT_FALSE(archive->find("xl/worksheets/sheet" + std::to_string(names.size() + 1) + ".xml"));
  return names;
}

}  // namespace rx::test
