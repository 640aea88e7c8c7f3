#include "test_files.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace rx::import::testing {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::filesystem::path golden_dir() { return RXTRACK_GOLDEN_DIR; }

std::filesystem::path samples_dir() {
  const char* env = std::getenv("RXTRACK_SAMPLES_DIR");
  return env && *env ? env : RXTRACK_DEFAULT_SAMPLES_DIR;
}

}  // namespace rx::import::testing
