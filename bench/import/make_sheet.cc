// Writes a contact sheet like tests/data/samples, scaled: make_sheet ROWS SEED OUT.xlsx|.xls|.csv
#include "sheet_generator.h"
#include "xls_writer.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s ROWS SEED OUT.xlsx|OUT.xls|OUT.csv\n", argv[0]);
    return 2;
  }
  const std::size_t rows = std::strtoull(argv[1], nullptr, 10);
  const unsigned seed = static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10));
  const std::string out = argv[3];
  const auto generated = rx::bench::generate_rows(rows, seed);
  auto ends_with = [&out](const std::string& tail) {
    return out.size() > tail.size() &&
           out.compare(out.size() - tail.size(), tail.size(), tail) == 0;
  };
  const std::string bytes = ends_with(".xlsx")  ? rx::bench::to_xlsx(generated, true)
                            : ends_with(".xls") ? rx::bench::to_xls(generated)
                                                : rx::bench::to_csv(generated);
  std::ofstream(out, std::ios::binary) << bytes;
  return 0;
}
