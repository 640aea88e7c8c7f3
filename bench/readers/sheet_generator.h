#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace rx::bench {

// Contact rows like tests/data/samples: a name, a phone in one of the spellings Indian sheets use
// (spaces, dashes, +91, 0 and 91 prefixes, "9876543210.0"), an area and a note; ~2% invalid.
struct GeneratedRow {
  std::string name;
  std::string phone;
  bool phone_is_number;  // written as a numeric cell in .xlsx
  std::string area;
  std::string notes;
};

// One of the ten spellings above for a 10-digit Indian mobile number (`style % 10`);
// `numeric` says whether .xlsx stores it as a number cell.
std::string spell_phone(unsigned long long digits, unsigned style, bool& numeric);

std::vector<GeneratedRow> generate_rows(std::size_t count, unsigned seed);
std::vector<std::string> generate_phones(std::size_t count, unsigned seed);

std::string to_csv(const std::vector<GeneratedRow>& rows);
// UTF-16 LE with BOM, tab-separated: Excel's "Unicode Text".
std::string to_utf16_text(const std::vector<GeneratedRow>& rows);
// Written with libxlsxwriter; `inline_strings` uses its constant-memory mode (inline strings,
// as the samples have), otherwise a shared string table.
std::string to_xlsx(const std::vector<GeneratedRow>& rows, bool inline_strings);

}  // namespace rx::bench
