#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace rx::import::testing {

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, const std::string& bytes);

// tests/import/golden.
std::filesystem::path golden_dir();
// $RXTRACK_SAMPLES_DIR, else ../shared/samples beside the source tree; empty when absent.
std::optional<std::filesystem::path> samples_dir();

}  // namespace rx::import::testing
