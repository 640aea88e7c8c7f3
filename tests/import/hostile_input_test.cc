// Hostile and broken uploads must be refused with the right kind, quickly, in bounded memory.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <string>

#include "import/contact_sheet.h"
#include "recording_sink.h"
#include "test_files.h"
#include "zip_writer.h"

namespace rx::import::testing {
namespace {

using Kind = ImportFailure::Kind;
constexpr std::size_t kMegabyte = 1024 * 1024;
constexpr auto kQuick = std::chrono::seconds(10);  // generous for the sanitizer build

const std::string kSheetOpen =
    "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
const std::string kSheetClose = "</sheetData></worksheet>";

class HostileInputTest : public ::testing::Test {
 protected:
  tl::expected<ParseSummary, ImportFailure> parse(const std::string& bytes) {
    const auto start = std::chrono::steady_clock::now();
    auto result = parse_contact_sheet(bytes, normalizer_, sink_);
    elapsed_ = std::chrono::steady_clock::now() - start;
    return result;
  }

  void expect_failure(const std::string& bytes, Kind kind) {
    const auto result = parse(bytes);
    ASSERT_FALSE(result.has_value());
    EXPECT_EQ(failure_kind_name(kind), failure_kind_name(result.error().kind))
        << result.error().message;
    EXPECT_FALSE(result.error().message.empty());
    EXPECT_LT(elapsed_, kQuick);
  }

  phone::PhoneNormalizer normalizer_{"IN"};
  RecordingSink sink_;
  std::chrono::steady_clock::duration elapsed_{};
};

TEST_F(HostileInputTest, ZipBombOfZerosIsTooLarge) {
  ZipWriter zip;
  add_xlsx_skeleton(zip, false);
  zip.add_repeated("xl/worksheets/sheet1.xml", "", std::string(kMegabyte, '\0'), 250, "");
  expect_failure(zip.finish(), Kind::kTooLarge);
}

TEST_F(HostileInputTest, ZipBombThatLiesAboutItsSizeIsTooLarge) {
  // Valid XML all the way (whitespace), so only the inflated byte count can stop it.
  ZipWriter zip;
  add_xlsx_skeleton(zip, false);
  zip.add_repeated("xl/worksheets/sheet1.xml", kSheetOpen, std::string(kMegabyte, ' '), 250,
                   kSheetClose, /*declared_size=*/4096);
  expect_failure(zip.finish(), Kind::kTooLarge);
}

TEST_F(HostileInputTest, ZipBombInSharedStringsIsTooLarge) {
  ZipWriter zip;
  add_xlsx_skeleton(zip, true);
  zip.add_repeated("xl/sharedStrings.xml",
                   "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
                   std::string(kMegabyte, ' '), 250, "</sst>", /*declared_size=*/100);
  zip.add("xl/worksheets/sheet1.xml", kSheetOpen + kSheetClose);
  expect_failure(zip.finish(), Kind::kTooLarge);
}

TEST_F(HostileInputTest, BillionLaughsIsMalformed) {
  std::string dtd = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  dtd += "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">";
  for (int i = 2; i <= 9; ++i) {
    std::string e = "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) e += "&lol" + std::to_string(i - 1) + ";";
    dtd += e + "\">";
  }
  dtd += "]>";
  const std::string sheet = dtd + kSheetOpen +
                            "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&lol9;</t></is></c>"
                            "</row>" +
                            kSheetClose;
  expect_failure(make_xlsx(sheet), Kind::kMalformed);
}

TEST_F(HostileInputTest, AnyDoctypeIsMalformed) {
  expect_failure(make_xlsx("<!DOCTYPE worksheet>" + kSheetOpen + kSheetClose), Kind::kMalformed);
}

TEST_F(HostileInputTest, TruncatedXlsxIsMalformed) {
  const std::string whole = read_file(golden_dir() / "shared_strings.xlsx");
  ASSERT_GT(whole.size(), 100u);
  expect_failure(whole.substr(0, whole.size() / 2), Kind::kMalformed);
  expect_failure(whole.substr(0, whole.size() - 10), Kind::kMalformed);
}

TEST_F(HostileInputTest, BrokenXmlIsMalformed) {
  expect_failure(make_xlsx(kSheetOpen + "<row r=\"1\"><c r=\"A1\"><v>1</c>"), Kind::kMalformed);
}

TEST_F(HostileInputTest, CellBeyondColumnXfdIsMalformed) {
  expect_failure(
      make_xlsx(kSheetOpen + "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>" + kSheetClose),
      Kind::kMalformed);
}

TEST_F(HostileInputTest, JunkBytesAreUnsupported) {
  std::mt19937 rng(7);
  std::string junk(64 * 1024, '\0');
  for (char& c : junk) c = static_cast<char>(rng());
  expect_failure(junk, Kind::kUnsupportedFormat);
}

TEST_F(HostileInputTest, PngIsUnsupported) {
  expect_failure(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), Kind::kUnsupportedFormat);
}

TEST_F(HostileInputTest, ZipThatIsNotAWorkbookIsUnsupported) {
  ZipWriter zip;
  zip.add("readme.txt", "Phone\n9876543210\n");
  expect_failure(zip.finish(), Kind::kUnsupportedFormat);
}

TEST_F(HostileInputTest, CompoundFileThatIsNotAWorkbookIsRefused) {
  std::string bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  bytes.append(4096, '\x01');
  const auto result = parse(bytes);
  ASSERT_FALSE(result.has_value());
  EXPECT_NE(result.error().kind, Kind::kTooLarge);
}

TEST_F(HostileInputTest, MillionColumnCsvLineIsMalformed) {
  std::string line = "Phone";
  line.reserve(2 * 1000000 + 16);
  for (int i = 0; i < 1000000; ++i) line += ",9";
  expect_failure(line + "\n", Kind::kMalformed);
  EXPECT_LT(elapsed_, std::chrono::seconds(2));
}

TEST_F(HostileInputTest, UnclosedQuoteIsMalformed) {
  std::string csv = "Name,Phone\n\"Never closed,";
  csv.append(2 * kMegabyte, 'x');
  expect_failure(csv, Kind::kMalformed);
}

TEST_F(HostileInputTest, EmptyFileIsMalformed) { expect_failure("", Kind::kMalformed); }

TEST_F(HostileInputTest, SheetWithoutPhoneColumnIsMalformed) {
  expect_failure("Item,Price\nParacetamol,20\nCetirizine,35\n", Kind::kMalformed);
}

// Streaming: a sheet longer than the sample is read row by row with the same results.
TEST_F(HostileInputTest, LongRepeatedSheetStreams) {
  ZipWriter zip;
  add_xlsx_skeleton(zip, false);
  zip.add_repeated("xl/worksheets/sheet1.xml",
                   kSheetOpen + "<row><c t=\"inlineStr\"><is><t>Phone</t></is></c></row>",
                   "<row><c><v>9876543210</v></c></row>", 5000, kSheetClose);
  CountingSink counting;
  const auto result = parse_contact_sheet(zip.finish(), normalizer_, counting);
  ASSERT_TRUE(result.has_value()) << result.error().message;
  EXPECT_EQ(result->total_rows, 5000);
  EXPECT_EQ(counting.contacts, 5000u);
}

}  // namespace
}  // namespace rx::import::testing
