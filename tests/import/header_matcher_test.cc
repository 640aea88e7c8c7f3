#include "import/header_matcher.h"

#include <gtest/gtest.h>

namespace rx::import {
namespace {

struct HeaderCase {
  std::string header;
  HeaderRole role;
};

class HeaderMatcherTest : public ::testing::TestWithParam<HeaderCase> {};

TEST_P(HeaderMatcherTest, Classifies) {
  EXPECT_EQ(static_cast<int>(match_header(GetParam().header).role),
            static_cast<int>(GetParam().role))
      << GetParam().header;
}

INSTANTIATE_TEST_SUITE_P(
    Table, HeaderMatcherTest,
    ::testing::Values(
        HeaderCase{"Phone", HeaderRole::kPhone}, HeaderCase{"PHONE NUMBER", HeaderRole::kPhone},
        HeaderCase{"Mob. No.", HeaderRole::kPhone}, HeaderCase{"Mobile No.", HeaderRole::kPhone},
        HeaderCase{"Contact No", HeaderRole::kPhone}, HeaderCase{"Contact", HeaderRole::kPhone},
        HeaderCase{"WhatsApp", HeaderRole::kPhone}, HeaderCase{"cell#", HeaderRole::kPhone},
        HeaderCase{"Customer Mobile", HeaderRole::kPhone}, HeaderCase{"Phone1", HeaderRole::kPhone},
        HeaderCase{"Name", HeaderRole::kName}, HeaderCase{"Customer", HeaderRole::kName},
        HeaderCase{"Patient Name", HeaderRole::kName},
        HeaderCase{"Contact Name", HeaderRole::kName},
        HeaderCase{"Customer ID", HeaderRole::kOther}, HeaderCase{"Microphone", HeaderRole::kOther},
        HeaderCase{"Area", HeaderRole::kOther}, HeaderCase{"", HeaderRole::kOther},
        HeaderCase{"Please call the customer on this phone number after six", HeaderRole::kOther}));

TEST(HeaderMatcherTest, StrongWordsBeatWeakOnes) {
  EXPECT_GT(match_header("Mobile").strength, match_header("Number").strength);
}

TEST(ColumnLabelTest, LettersAsSpreadsheetsShowThem) {
  EXPECT_EQ(column_letters(0), "A");
  EXPECT_EQ(column_letters(25), "Z");
  EXPECT_EQ(column_letters(26), "AA");
  EXPECT_EQ(column_letters(701), "ZZ");
  EXPECT_EQ(column_letters(702), "AAA");
  EXPECT_EQ(column_letters(16383), "XFD");
  EXPECT_EQ(column_label(1), "Column B");
}

}  // namespace
}  // namespace rx::import
