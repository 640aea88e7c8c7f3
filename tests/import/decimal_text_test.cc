#include "phone/decimal_text.h"

#include <gtest/gtest.h>

#include "import/numeric_text.h"

namespace rx::phone {
namespace {

struct ExpandCase {
  std::string text;
  bool pad;
  Expansion expansion;
  std::string out;
};

class ExpandScientificTest : public ::testing::TestWithParam<ExpandCase> {};

TEST_P(ExpandScientificTest, Expands) {
  std::string out;
  EXPECT_EQ(static_cast<int>(expand_scientific(GetParam().text, GetParam().pad, out)),
            static_cast<int>(GetParam().expansion))
      << GetParam().text;
  if (GetParam().expansion == Expansion::kExpanded) {
    EXPECT_EQ(out, GetParam().out);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, ExpandScientificTest,
    ::testing::Values(ExpandCase{"9.876543210E+09", false, Expansion::kExpanded, "9876543210"},
                      ExpandCase{"9.876543210E9", false, Expansion::kExpanded, "9876543210"},
                      ExpandCase{"9.8765432100E+09", false, Expansion::kExpanded, "9876543210"},
                      ExpandCase{"9.87654E+09", false, Expansion::kShortened, ""},
                      ExpandCase{"9.87654E+09", true, Expansion::kExpanded, "9876540000"},
                      ExpandCase{"1E+10", true, Expansion::kExpanded, "10000000000"},
                      ExpandCase{"0.98765432101E+11", false, Expansion::kExpanded, "98765432101"},
                      ExpandCase{"919876543210E0", false, Expansion::kExpanded, "919876543210"},
                      ExpandCase{"9.876543210123E+09", false, Expansion::kNotInteger, ""},
                      ExpandCase{"-9.876543210E+09", false, Expansion::kNotInteger, ""},
                      ExpandCase{"1.5E-03", false, Expansion::kNotInteger, ""},
                      ExpandCase{"0E-05", false, Expansion::kExpanded, "0"},
                      ExpandCase{"9.8E+999", false, Expansion::kNotInteger, ""},
                      ExpandCase{"9876543210", false, Expansion::kNotScientific, ""},
                      ExpandCase{"E10", false, Expansion::kNotScientific, ""},
                      ExpandCase{"9.8E", false, Expansion::kNotScientific, ""},
                      ExpandCase{"9.8Ex", false, Expansion::kNotScientific, ""},
                      ExpandCase{"abcE5", false, Expansion::kNotScientific, ""}));

TEST(StripZeroFractionTest, OnlyAllZeroFractionsOfIntegers) {
  EXPECT_EQ(strip_zero_fraction("9876543210.0"), "9876543210");
  EXPECT_EQ(strip_zero_fraction("9876543210.000"), "9876543210");
  EXPECT_EQ(strip_zero_fraction("+919876543210.0"), "+919876543210");
  EXPECT_EQ(strip_zero_fraction("9876543210.5"), "9876543210.5");
  EXPECT_EQ(strip_zero_fraction("98765 43210.0"), "98765 43210.0");
  EXPECT_EQ(strip_zero_fraction("9876543210."), "9876543210.");
  EXPECT_EQ(strip_zero_fraction(".0"), ".0");
}

TEST(NumericTextTest, ExactCellText) {
  std::string scratch;
  EXPECT_EQ(import::exact_numeric_text("9.876543210E9", scratch), "9876543210");
  EXPECT_EQ(import::exact_numeric_text("7095956249.0", scratch), "7095956249");
  EXPECT_EQ(import::exact_numeric_text("12.5", scratch), "12.5");
  EXPECT_EQ(import::double_text(9876543210.0, scratch), "9876543210");
  EXPECT_EQ(import::double_text(919876543210.0, scratch), "919876543210");
  EXPECT_EQ(import::double_text(12.5, scratch), "12.5");
  EXPECT_EQ(import::double_text(-3.0, scratch), "-3");
}

}  // namespace
}  // namespace rx::phone
