#pragma once

#include "sheet_generator.h"

#include <cstdint>
#include <string>
#include <vector>

namespace rx::bench {

// One shop's contact sheet, as a pharmacy would write it: `contacts` distinct valid numbers in
// the mixed spellings of tests/data/samples, plus about 3% repeats of earlier numbers in another
// spelling and about 2% invalid values. Deterministic for a given (contacts, seed).
struct ShopSheet {
  std::vector<GeneratedRow> rows;
  // The 10-digit national numbers of the distinct valid phones, in sheet order; importing the
  // sheet stores exactly these (as +91...).
  std::vector<std::uint64_t> numbers;
};

ShopSheet make_shop_sheet(std::int64_t contacts, unsigned seed);

// Writes the sheet as .xlsx or .csv (chosen by the file name's ending).
void write_sheet(const ShopSheet& sheet, const std::string& path);

}  // namespace rx::bench
