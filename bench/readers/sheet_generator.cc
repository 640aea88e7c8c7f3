#include "sheet_generator.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace rx::bench {
namespace {

constexpr std::array<const char*, 8> kFirst = {"Meera", "Aarav", "Aadhya", "Vikram",
                                               "Pooja", "Rahul", "Anjali", "Kiran"};
constexpr std::array<const char*, 8> kLast = {"Naidu",  "Gupta", "Iyer", "Singh",
                                              "Sharma", "Verma", "Rao",  "Das"};
constexpr std::array<const char*, 6> kAreas = {"Navrangpura",   "Kothrud", "Velachery",
                                               "Banjara Hills", "Andheri", "Salt Lake"};
constexpr std::array<const char*, 4> kNotes = {"", "Senior citizen discount",
                                               "Thyroid (Thyronorm 50mcg)",
                                               "Multiple family members, same number?"};

}  // namespace

std::string spell_phone(unsigned long long digits, unsigned style, bool& numeric) {
  const std::string d = std::to_string(digits);
  numeric = false;
  switch (style % 10) {
    case 0:
      return "+91 " + d.substr(0, 5) + " " + d.substr(5);
    case 1:
      return "+91-" + d.substr(0, 5) + "-" + d.substr(5);
    case 2:
      return "0" + d;
    case 3:
      return "91" + d;
    case 4:
      return "0091 " + d.substr(0, 5) + " " + d.substr(5);
    case 5:
      return d.substr(0, 5) + " " + d.substr(5);
    case 6:
      numeric = true;
      return d;
    case 7:
      return d + ".0";
    case 8:
      return "(+91) " + d;
    default:
      return d;
  }
}

std::vector<std::string> generate_phones(std::size_t count, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<std::string> phones;
  for (std::size_t i = 0; i < count; ++i) {
    bool numeric = false;
    const unsigned long long digits = 6000000000ULL + rng() % 3999999999ULL;
    phones.push_back(spell_phone(digits, static_cast<unsigned>(i), numeric));
  }
  return phones;
}

std::vector<GeneratedRow> generate_rows(std::size_t count, unsigned seed) {
  std::mt19937_64 rng(seed);
  std::vector<GeneratedRow> rows;
  rows.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    GeneratedRow row;
    row.name = std::string(kFirst[rng() % kFirst.size()]) + " " + kLast[rng() % kLast.size()];
    const unsigned long long digits = 6000000000ULL + rng() % 3999999999ULL;
    row.phone = spell_phone(digits, static_cast<unsigned>(rng()), row.phone_is_number);
    if (rng() % 50 == 0) {  // ~2% invalid, as in the samples
      row.phone = row.phone.substr(0, 5);
      row.phone_is_number = false;
    }
    row.area = kAreas[rng() % kAreas.size()];
    row.notes = kNotes[rng() % kNotes.size()];
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string to_csv(const std::vector<GeneratedRow>& rows) {
  std::string out = "\xEF\xBB\xBFName,Phone,Area,Notes\r\n";
  for (const auto& r : rows) {
    out += r.name + "," + r.phone + "," + r.area + ",";
    out += r.notes.find(',') != std::string::npos ? "\"" + r.notes + "\"" : r.notes;
    out += "\r\n";
  }
  return out;
}

std::string to_utf16_text(const std::vector<GeneratedRow>& rows) {
  std::string ascii = "Name\tPhone\tArea\tNotes\r\n";
  for (const auto& r : rows)
    ascii += r.name + "\t" + r.phone + "\t" + r.area + "\t" + r.notes + "\r\n";
  std::string out = "\xFF\xFE";
  out.reserve(2 + ascii.size() * 2);
  for (char c : ascii) {  // the generated text is ASCII
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

std::string to_xlsx(const std::vector<GeneratedRow>& rows, bool inline_strings) {
  char path[] = "/tmp/rxtrack-bench-XXXXXX.xlsx";
  const int fd = mkstemps(path, 5);
  if (fd < 0) throw std::runtime_error("mkstemps failed");
  close(fd);
  lxw_workbook_options options = {};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path, &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Customers");
  const std::array<const char*, 4> headers = {"Name", "Phone", "Area", "Notes"};
  for (lxw_col_t c = 0; c < headers.size(); ++c)
    worksheet_write_string(sheet, 0, c, headers[c], nullptr);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto r = static_cast<lxw_row_t>(i + 1);
    const GeneratedRow& row = rows[i];
    worksheet_write_string(sheet, r, 0, row.name.c_str(), nullptr);
    if (row.phone_is_number) {
      worksheet_write_number(sheet, r, 1, std::stod(row.phone), nullptr);
    } else {
      worksheet_write_string(sheet, r, 1, row.phone.c_str(), nullptr);
    }
    worksheet_write_string(sheet, r, 2, row.area.c_str(), nullptr);
    if (!row.notes.empty()) worksheet_write_string(sheet, r, 3, row.notes.c_str(), nullptr);
  }
  if (workbook_close(workbook) != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter failed");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::remove(path);
  return bytes.str();
}

}  // namespace rx::bench
