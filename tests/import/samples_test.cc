// Imports every sample sheet in tests/data/samples and checks the counts against the manifest and
// the numbers against sample_1k.expected.txt.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "import/contact_sheet.h"
#include "recording_sink.h"
#include "test_files.h"

namespace rx::import::testing {
namespace {

TEST(SamplesTest, EverySampleMatchesTheManifest) {
  const auto dir = samples_dir();
  ASSERT_TRUE(std::filesystem::is_directory(dir)) << dir << " is missing";
  const nlohmann::json manifest = nlohmann::json::parse(read_file(dir / "sample_1k.manifest.json"));
  std::vector<std::string> expected;
  {
    std::istringstream lines(read_file(dir / "sample_1k.expected.txt"));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) expected.push_back(line);
    }
  }
  const int rows = manifest["rows"];
  const int invalid = manifest["invalid_rows"];
  const int duplicates = manifest["duplicate_rows"];
  const std::size_t imported = manifest["expected_imported"];
  ASSERT_EQ(expected.size(), imported);

  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("sample_1k_") ||
        (entry.path().extension() != ".csv" && entry.path().extension() != ".xlsx")) {
      continue;
    }
    SCOPED_TRACE(name);
    ++files;
    const phone::PhoneNormalizer normalizer("IN");
    RecordingSink sink;
    const auto result = parse_contact_sheet(read_file(entry.path()), normalizer, sink);
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->total_rows, rows);
    EXPECT_EQ(result->invalid_rows, invalid);
    EXPECT_EQ(sink.problems.size(), static_cast<std::size_t>(invalid));
    EXPECT_EQ(sink.contacts.size(), static_cast<std::size_t>(rows - invalid));

    std::set<std::string> unique;
    for (const ContactRow& row : sink.contacts) {
      unique.insert(row.e164);
      EXPECT_FALSE(row.name.empty()) << "row " << row.row_number;
    }
    EXPECT_EQ(sink.contacts.size() - unique.size(), static_cast<std::size_t>(duplicates));
    const std::vector<std::string> got(unique.begin(), unique.end());
    EXPECT_EQ(got, expected);
  }
  EXPECT_GT(files, 0);
}

}  // namespace
}  // namespace rx::import::testing
