#include "import/xlsx_package.h"

#include <map>

#include "import/xml_part_parser.h"

namespace rx::import {
namespace {

constexpr std::string_view kOfficeDocumentType = "/officeDocument";
constexpr std::string_view kWorksheetType = "/worksheet";
constexpr std::string_view kSharedStringsType = "/sharedStrings";

struct Relationship {
  std::string type;
  std::string target;
};

class RelationshipsHandler : public XmlHandler {
 public:
  void start_element(std::string_view name, const char** attributes) override {
    if (name != "Relationship") return;
    const auto id = attribute(attributes, "Id");
    const auto type = attribute(attributes, "Type");
    const auto target = attribute(attributes, "Target");
    const auto mode = attribute(attributes, "TargetMode");
    if (!id || !type || !target || (mode && *mode == "External")) return;
    relationships[std::string(*id)] = {std::string(*type), std::string(*target)};
  }
  void end_element(std::string_view) override {}
  void characters(std::string_view) override {}

  std::map<std::string, Relationship> relationships;
};

class WorkbookHandler : public XmlHandler {
 public:
  void start_element(std::string_view name, const char** attributes) override {
    if (name != "sheet") return;
    const auto sheet_name = attribute(attributes, "name");
    const auto id = attribute(attributes, "id", /*namespaced=*/true);
    if (!id) return;
    sheets.push_back({std::string(sheet_name.value_or("")), std::string(*id)});
  }
  void end_element(std::string_view) override {}
  void characters(std::string_view) override {}

  struct Sheet {
    std::string name;
    std::string relationship_id;
  };
  std::vector<Sheet> sheets;
};

tl::unexpected<ImportFailure> not_a_workbook() {
  return refused(ImportFailure::Kind::kUnsupportedFormat,
                 "This ZIP file is not an Excel workbook: upload an .xlsx, .xls or CSV file.");
}

// "xl/" + "worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml" or "../xl/x.xml" -> part name.
std::string resolve(const std::string& base_dir, const std::string& target) {
  std::string path = target.starts_with('/') ? target.substr(1) : base_dir + target;
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    const std::size_t end = slash == std::string::npos ? path.size() : slash;
    const std::string part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out.push_back('/');
    out += p;
  }
  return out;
}

std::string directory_of(const std::string& part) {
  const std::size_t slash = part.rfind('/');
  return slash == std::string::npos ? std::string() : part.substr(0, slash + 1);
}

std::string rels_path_of(const std::string& part) {
  return directory_of(part) + "_rels/" + part.substr(directory_of(part).size()) + ".rels";
}

tl::expected<std::map<std::string, Relationship>, ImportFailure> read_relationships(
    const ZipArchive& archive, const std::string& rels_part, InflateBudget& budget) {
  RelationshipsHandler handler;
  const auto entry = archive.find(rels_part);
  if (!entry) return handler.relationships;
  if (auto parsed = parse_xml_part(archive, *entry, budget, handler); !parsed) {
    return tl::unexpected<ImportFailure>(parsed.error());
  }
  return handler.relationships;
}

}  // namespace

tl::expected<XlsxPackage, ImportFailure> read_xlsx_package(const ZipArchive& archive,
                                                           InflateBudget& budget) {
  // The package's root relationships name the workbook part; Excel's is xl/workbook.xml.
  std::string workbook_part = "xl/workbook.xml";
  auto root = read_relationships(archive, "_rels/.rels", budget);
  if (!root) return tl::unexpected<ImportFailure>(root.error());
  for (const auto& [id, rel] : *root) {
    if (rel.type.ends_with(kOfficeDocumentType)) workbook_part = resolve("", rel.target);
  }
  const auto workbook_entry = archive.find(workbook_part);
  if (!workbook_entry) return not_a_workbook();

  WorkbookHandler workbook;
  if (auto parsed = parse_xml_part(archive, *workbook_entry, budget, workbook); !parsed) {
    return tl::unexpected<ImportFailure>(parsed.error());
  }
  auto rels = read_relationships(archive, rels_path_of(workbook_part), budget);
  if (!rels) return tl::unexpected<ImportFailure>(rels.error());

  XlsxPackage package;
  const std::string base = directory_of(workbook_part);
  for (const auto& [id, rel] : *rels) {
    if (rel.type.ends_with(kSharedStringsType)) {
      package.shared_strings = archive.find(resolve(base, rel.target));
    }
  }
  if (!package.shared_strings) package.shared_strings = archive.find(base + "sharedStrings.xml");
  for (const auto& sheet : workbook.sheets) {
    const auto rel = rels->find(sheet.relationship_id);
    if (rel == rels->end() || !rel->second.type.ends_with(kWorksheetType)) continue;
    const auto entry = archive.find(resolve(base, rel->second.target));
    if (entry) package.worksheets.push_back({sheet.name, *entry});
  }
  if (package.worksheets.empty() && workbook.sheets.empty()) return not_a_workbook();
  return package;
}

}  // namespace rx::import
