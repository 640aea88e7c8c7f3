#pragma once

#include <filesystem>
#include <string>

namespace rx::import::testing {

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

// tests/import/golden.
std::filesystem::path golden_dir();
// $RXTRACK_SAMPLES_DIR, else the repository's tests/data/samples.
std::filesystem::path samples_dir();

}  // namespace rx::import::testing
