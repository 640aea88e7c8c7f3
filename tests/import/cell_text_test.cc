#include "import/cell_text.h"

#include <gtest/gtest.h>

#include <vector>

#include "import/format_detector.h"

namespace rx::import {
namespace {

TEST(CellTextTest, Trims) {
  EXPECT_EQ(trim_cell("  a b \t"), "a b");
  EXPECT_EQ(trim_cell("\u00a0x\u202f"), "x");
  EXPECT_EQ(trim_cell(" \u2007 "), "");
}

TEST(CellTextTest, BlankRows) {
  const std::vector<std::string_view> blank = {"", " ", "\u00a0"};
  const std::vector<std::string_view> filled = {"", "x"};
  EXPECT_TRUE(is_blank_row(blank));
  EXPECT_FALSE(is_blank_row(filled));
  EXPECT_TRUE(is_blank_row({}));
}

TEST(FormatDetectorTest, ByContent) {
  EXPECT_EQ(sniff_format("PK\x03\x04rest").container, Container::kZip);
  EXPECT_EQ(sniff_format("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").container, Container::kCompoundFile);
  EXPECT_EQ(sniff_format("Name,Phone").container, Container::kText);
  EXPECT_TRUE(sniff_format("%PDF-1.4").known_other.has_value());
  EXPECT_FALSE(sniff_format("Name,Phone").known_other.has_value());
}

}  // namespace
}  // namespace rx::import
