#include "reports/report_xlsx.h"

#include "core/error.h"

#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace rx::reports {
namespace {

constexpr std::size_t kMaxSheetName = 31;  // Excel's limit

[[noreturn]] void fail(const std::string& what) {
  throw core::AppError(core::ErrorCode::kInternal, "the workbook could not be written: " + what);
}

// A temporary file that is removed however the export ends. Debian 12's libxlsxwriter (1.1.4)
// predates workbook_new_opt's output_buffer (1.1.5), so the workbook goes through a file.
class TempFile {
 public:
  TempFile() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "rxtrack-report-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) fail("no temporary file");
    close(fd);
    path_ = pattern;
  }
  ~TempFile() { std::remove(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void write_cell(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t col, const nlohmann::json& value) {
  if (value.is_null()) return;
  if (value.is_number()) {
    worksheet_write_number(sheet, row, col, value.get<double>(), nullptr);
  } else if (value.is_boolean()) {
    worksheet_write_boolean(sheet, row, col, value.get<bool>(), nullptr);
  } else {
    worksheet_write_string(sheet, row, col, cell_text(value).c_str(), nullptr);
  }
}

void write_header(lxw_worksheet* sheet, lxw_format* bold, const std::vector<std::string>& names) {
  for (std::size_t c = 0; c < names.size(); ++c)
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), names[c].c_str(), bold);
}

void write_table(lxw_workbook* book, lxw_format* bold, const Table& table) {
  const std::string name = table.name.substr(0, kMaxSheetName);
  lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
  if (!sheet) fail("sheet " + name);
  std::vector<std::string> header{table.item_label};
  header.insert(header.end(), table.columns.begin(), table.columns.end());
  write_header(sheet, bold, header);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    worksheet_write_string(sheet, row, 0, table.rows[r].item.c_str(), nullptr);
    for (std::size_t c = 0; c < table.rows[r].values.size(); ++c)
      write_cell(sheet, row, static_cast<lxw_col_t>(c + 1), table.rows[r].values[c]);
  }
}

// Frees the workbook unless it was closed (closing frees it too).
struct WorkbookGuard {
  lxw_workbook* book;
  ~WorkbookGuard() {
    if (book) lxw_workbook_free(book);
  }
};

}  // namespace

std::string to_xlsx(const ReportDocument& doc) {
  TempFile file;
  lxw_workbook* book = workbook_new(file.path().c_str());
  if (!book) fail("workbook");
  WorkbookGuard guard{book};
  lxw_format* bold = workbook_add_format(book);
  format_set_bold(bold);
  lxw_worksheet* summary = workbook_add_worksheet(book, "Summary");
  write_header(summary, bold, {"metric", "value"});
  for (std::size_t r = 0; r < doc.summary.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    worksheet_write_string(summary, row, 0, doc.summary[r].name.c_str(), nullptr);
    write_cell(summary, row, 1, doc.summary[r].value);
  }
  for (const Table& table : doc.tables) write_table(book, bold, table);
  guard.book = nullptr;
  if (workbook_close(book) != LXW_NO_ERROR) fail("close");

  std::ifstream in(file.path(), std::ios::binary);
  if (!in.is_open()) fail("read back");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace rx::reports
