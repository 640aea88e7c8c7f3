// Each input in golden/ is parsed with region IN and compared with the <stem>.expected.json
// beside it. RXTRACK_UPDATE_GOLDEN=1 rewrites the expectations (review the diff before
// committing them).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "import/contact_sheet.h"
#include "recording_sink.h"
#include "test_files.h"

namespace rx::import::testing {
namespace {

constexpr std::string_view kExpectedSuffix = ".expected.json";

std::vector<std::string> golden_inputs() {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(golden_dir())) {
    const std::string name = entry.path().filename().string();
    if (name.ends_with(kExpectedSuffix) || name.ends_with(".py")) continue;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::filesystem::path expected_path(const std::string& input) {
  const std::filesystem::path path = golden_dir() / input;
  return golden_dir() / (path.stem().string() + std::string(kExpectedSuffix));
}

class GoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenTest, MatchesExpectedOutput) {
  const std::string bytes = read_file(golden_dir() / GetParam());
  const phone::PhoneNormalizer normalizer("IN");
  RecordingSink sink;
  const auto result = parse_contact_sheet(bytes, normalizer, sink);
  const nlohmann::json actual = to_json(result, sink);

  const std::filesystem::path expected_file = expected_path(GetParam());
  const char* update = std::getenv("RXTRACK_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    write_file(expected_file, actual.dump(2) + "\n");
    GTEST_SKIP() << "rewrote " << expected_file;
  }
  ASSERT_TRUE(std::filesystem::exists(expected_file))
      << expected_file << " is missing; run with RXTRACK_UPDATE_GOLDEN=1 and review it";
  const nlohmann::json expected = nlohmann::json::parse(read_file(expected_file));
  EXPECT_EQ(expected, actual) << "diff (expected -> actual):\n"
                              << nlohmann::json::diff(expected, actual).dump(2);
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

TEST(GoldenFilesTest, EachInputHasItsOwnExpectation) {
  std::set<std::string> stems;
  for (const std::string& input : golden_inputs()) {
    EXPECT_TRUE(stems.insert(std::filesystem::path(input).stem().string()).second)
        << input << " shares its expected.json with another input";
  }
  EXPECT_GE(stems.size(), 20u);
}

INSTANTIATE_TEST_SUITE_P(Files, GoldenTest, ::testing::ValuesIn(golden_inputs()), test_name);

}  // namespace
}  // namespace rx::import::testing
