#include "import/header_matcher.h"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

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

// The usual headings in Hindi, Marathi, Gujarati, Tamil, Telugu, Kannada and Bengali.
INSTANTIATE_TEST_SUITE_P(
    IndianLanguages, HeaderMatcherTest,
    ::testing::Values(
        HeaderCase{"मोबाइल", HeaderRole::kPhone}, HeaderCase{"मोबाईल नं.", HeaderRole::kPhone},
        HeaderCase{"फोन", HeaderRole::kPhone}, HeaderCase{"नंबर", HeaderRole::kPhone},
        HeaderCase{"संपर्क नंबर", HeaderRole::kPhone},
        HeaderCase{"ग्राहक का मोबाइल", HeaderRole::kPhone}, HeaderCase{"नाम", HeaderRole::kName},
        HeaderCase{"ग्राहक", HeaderRole::kName}, HeaderCase{"ग्राहक का नाम", HeaderRole::kName},
        HeaderCase{"मरीज़", HeaderRole::kName}, HeaderCase{"भ्रमणध्वनी क्रमांक", HeaderRole::kPhone},
        HeaderCase{"नाव", HeaderRole::kName}, HeaderCase{"મોબાઇલ", HeaderRole::kPhone},
        HeaderCase{"ફોન નંબર", HeaderRole::kPhone}, HeaderCase{"ગ્રાહક નામ", HeaderRole::kName},
        HeaderCase{"கைபேசி", HeaderRole::kPhone}, HeaderCase{"கைபேசி எண்", HeaderRole::kPhone},
        HeaderCase{"வாடிக்கையாளர் பெயர்", HeaderRole::kName}, HeaderCase{"ఫోన్", HeaderRole::kPhone},
        HeaderCase{"ఫోన్ నంబర్", HeaderRole::kPhone}, HeaderCase{"కస్టమర్ పేరు", HeaderRole::kName},
        HeaderCase{"ಮೊಬೈಲ್ ಸಂಖ್ಯೆ", HeaderRole::kPhone}, HeaderCase{"ಗ್ರಾಹಕರ ಹೆಸರು", HeaderRole::kName},
        HeaderCase{"মোবাইল নম্বর", HeaderRole::kPhone}, HeaderCase{"গ্রাহকের নাম", HeaderRole::kName},
        // Not phone or name: a city, an address, a serial number.
        HeaderCase{"शहर", HeaderRole::kOther}, HeaderCase{"पत्ता", HeaderRole::kOther},
        HeaderCase{"अनुक्रमांक", HeaderRole::kOther}, HeaderCase{"ग्राहक आईडी", HeaderRole::kOther}));

TEST(HeaderMatcherTest, ComparesInNfc) {
  // फ़ as one code point (U+095E) and as फ + nukta (U+092B U+093C) are the same word.
  EXPECT_EQ(match_header("\u095e\u094b\u0928").role, HeaderRole::kPhone);
  EXPECT_EQ(match_header("\u092b\u093c\u094b\u0928").role, HeaderRole::kPhone);
  // A zero-width joiner inside a word does not split it.
  EXPECT_EQ(match_header("\u092e\u094b\u092c\u093e\u0907\u200d\u0932").role, HeaderRole::kPhone);
}

TEST(HeaderSignatureTest, SameWordsSameSignatureOtherwiseNot) {
  const std::vector<std::string_view> a = {"Name", "Mobile No."};
  const std::vector<std::string_view> b = {" name ", "MOBILE no", "", ""};
  const std::vector<std::string_view> c = {"Mobile No.", "Name"};
  const std::vector<std::string_view> d = {"\u095e\u094b\u0928"};
  const std::vector<std::string_view> e = {"\u092b\u093c\u094b\u0928"};
  EXPECT_EQ(header_signature(a), header_signature(b));
  EXPECT_NE(header_signature(a), header_signature(c)) << "the columns' order counts";
  EXPECT_EQ(header_signature(d), header_signature(e));
  EXPECT_EQ(header_signature(a).size(), 16u);
}

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
