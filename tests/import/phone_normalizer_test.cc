#include "phone/phone_normalizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "phone/failure_reasons.h"

namespace rx::phone {
namespace {

struct ValidCase {
  std::string raw;
  std::string e164;
  NumberType type;
};

void PrintTo(const ValidCase& c, std::ostream* os) { *os << c.raw; }

class NormalizeValidTest : public ::testing::TestWithParam<ValidCase> {};

TEST_P(NormalizeValidTest, GivesE164AndType) {
  const PhoneNormalizer normalizer("IN");
  const auto result = normalizer.normalize(GetParam().raw);
  ASSERT_TRUE(result.has_value()) << GetParam().raw << ": " << result.error();
  EXPECT_EQ(result->e164, GetParam().e164);
  EXPECT_EQ(to_string(result->type), to_string(GetParam().type));
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeValidTest,
    ::testing::Values(ValidCase{"9876543210", "+919876543210", NumberType::kMobile},
                      ValidCase{"09876543210", "+919876543210", NumberType::kMobile},
                      ValidCase{"+91 98765 43210", "+919876543210", NumberType::kMobile},
                      ValidCase{"+91-98765-43210", "+919876543210", NumberType::kMobile},
                      ValidCase{"919876543210", "+919876543210", NumberType::kMobile},
                      ValidCase{"0091 98765 43210", "+919876543210", NumberType::kMobile},
                      ValidCase{"(+91) 98765.43210", "+919876543210", NumberType::kMobile},
                      ValidCase{"  9876543210  ", "+919876543210", NumberType::kMobile},
                      // Spreadsheet damage that is repaired.
                      ValidCase{"9876543210.0", "+919876543210", NumberType::kMobile},
                      ValidCase{"9876543210.000", "+919876543210", NumberType::kMobile},
                      ValidCase{"9.876543210E+09", "+919876543210", NumberType::kMobile},
                      ValidCase{"9.876543210e9", "+919876543210", NumberType::kMobile},
                      ValidCase{"98.76543210E8", "+919876543210", NumberType::kMobile},
                      // Unicode digits and no-break spaces.
                      ValidCase{"९८७६५४३२१०", "+919876543210", NumberType::kMobile},
                      ValidCase{"٩٨٧٦٥٤٣٢١٠", "+919876543210", NumberType::kMobile},
                      ValidCase{"۹۸۷۶۵۴۳۲۱۰", "+919876543210", NumberType::kMobile},
                      ValidCase{"９８７６５４３２１０", "+919876543210", NumberType::kMobile},
                      ValidCase{"98765\u00a043210", "+919876543210", NumberType::kMobile},
                      ValidCase{"+91\u202f98765\u202f43210", "+919876543210", NumberType::kMobile},
                      ValidCase{"98765\u200743210", "+919876543210", NumberType::kMobile},
                      // Landlines, toll-free and foreign numbers (through libphonenumber).
                      ValidCase{"080 2345 6789", "+918023456789", NumberType::kFixedLine},
                      ValidCase{"(0)80-23456789", "+918023456789", NumberType::kFixedLine},
                      ValidCase{"1800 180 1234", "+9118001801234", NumberType::kTollFree},
                      ValidCase{"+1 650 253 0000", "+16502530000", NumberType::kFixedLineOrMobile},
                      ValidCase{"+44 7911 123456", "+447911123456", NumberType::kMobile},
                      ValidCase{"+971 50 123 4567", "+971501234567", NumberType::kMobile}));

struct InvalidCase {
  std::string raw;
  std::string reason;
};

void PrintTo(const InvalidCase& c, std::ostream* os) { *os << c.raw; }

class NormalizeInvalidTest : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(NormalizeInvalidTest, GivesReason) {
  const PhoneNormalizer normalizer("IN");
  const auto result = normalizer.normalize(GetParam().raw);
  ASSERT_FALSE(result.has_value()) << GetParam().raw << " -> " << result->e164;
  EXPECT_EQ(result.error(), GetParam().reason) << GetParam().raw;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeInvalidTest,
    ::testing::Values(InvalidCase{"", std::string(kReasonEmpty)},
                      InvalidCase{"   ", std::string(kReasonEmpty)},
                      InvalidCase{"\u00a0", std::string(kReasonEmpty)},
                      InvalidCase{"nil", std::string(kReasonNotAPhoneNumber)},
                      InvalidCase{"N/A", std::string(kReasonNotAPhoneNumber)},
                      InvalidCase{"xxxxx", std::string(kReasonNotAPhoneNumber)},
                      InvalidCase{"98765abcde", std::string(kReasonNotAPhoneNumber)},
                      InvalidCase{"---", std::string(kReasonNotAPhoneNumber)},
                      InvalidCase{"9.87654E+09", std::string(kReasonShortenedByExcel)},
                      InvalidCase{"9.87654321E+09", std::string(kReasonShortenedByExcel)},
                      InvalidCase{"1.5E-03", std::string(kReasonNotAPhoneNumber)},
                      InvalidCase{"98765", std::string(kReasonTooShort)},
                      InvalidCase{"9", std::string(kReasonNotAPhoneNumber)},
                      InvalidCase{"98765432101234567", std::string(kReasonTooLong)},
                      InvalidCase{"5555555555", "not a valid number for region IN"},
                      InvalidCase{"+999 1234 5678", std::string(kReasonUnknownCountryCode)},
                      InvalidCase{"+1 123 456 7890", "not a valid number for region US"}));

TEST(PhoneNormalizerTest, OtherDefaultRegion) {
  const PhoneNormalizer normalizer("us");  // any case
  EXPECT_EQ(normalizer.region(), "US");
  const auto result = normalizer.normalize("(650) 253-0000");
  ASSERT_TRUE(result.has_value()) << result.error();
  EXPECT_EQ(result->e164, "+16502530000");
}

TEST(PhoneNormalizerTest, UnknownRegionStillReadsInternationalNumbers) {
  const PhoneNormalizer normalizer("XX");
  EXPECT_TRUE(normalizer.normalize("+91 98765 43210").has_value());
  EXPECT_FALSE(normalizer.normalize("98765 43210").has_value());
}

TEST(PhoneNormalizerTest, CopiesShareTheirWork) {
  const PhoneNormalizer original("IN");
  const PhoneNormalizer copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
  EXPECT_EQ(copy.normalize("9876543210")->e164, original.normalize("9876543210")->e164);
}

TEST(PhoneNormalizerTest, ValidRegions) {
  EXPECT_TRUE(is_valid_region("IN"));
  EXPECT_TRUE(is_valid_region("US"));
  EXPECT_FALSE(is_valid_region("XX"));
  EXPECT_FALSE(is_valid_region(""));
  EXPECT_FALSE(is_valid_region("001"));
}

TEST(NumberTypeTest, Names) {
  EXPECT_EQ(to_string(NumberType::kMobile), "mobile");
  EXPECT_EQ(to_string(NumberType::kFixedLine), "fixed_line");
  EXPECT_EQ(to_string(NumberType::kFixedLineOrMobile), "fixed_line_or_mobile");
  EXPECT_EQ(to_string(NumberType::kTollFree), "toll_free");
  EXPECT_EQ(to_string(NumberType::kPremiumRate), "premium_rate");
  EXPECT_EQ(to_string(NumberType::kSharedCost), "shared_cost");
  EXPECT_EQ(to_string(NumberType::kVoip), "voip");
  EXPECT_EQ(to_string(NumberType::kPersonalNumber), "personal_number");
  EXPECT_EQ(to_string(NumberType::kPager), "pager");
  EXPECT_EQ(to_string(NumberType::kUan), "uan");
  EXPECT_EQ(to_string(NumberType::kVoicemail), "voicemail");
  EXPECT_EQ(to_string(NumberType::kUnknown), "unknown");
}

struct SplitCase {
  std::string cell;
  std::vector<std::string> pieces;
};

void PrintTo(const SplitCase& c, std::ostream* os) { *os << c.cell; }

class SplitCellTest : public ::testing::TestWithParam<SplitCase> {};

TEST_P(SplitCellTest, Splits) {
  EXPECT_EQ(PhoneNormalizer::split_cell(GetParam().cell), GetParam().pieces);
}

INSTANTIATE_TEST_SUITE_P(
    Table, SplitCellTest,
    ::testing::Values(SplitCase{"9876543210", {"9876543210"}},
                      SplitCase{"98765 43210 / 91234 56789", {"98765 43210", "91234 56789"}},
                      SplitCase{"a,b;c|d", {"a", "b", "c", "d"}},
                      SplitCase{"9876543210 or 9123456789", {"9876543210", "9123456789"}},
                      SplitCase{"9876543210 OR 9123456789", {"9876543210", "9123456789"}},
                      SplitCase{"9876543210 Or 9123456789", {"9876543210", "9123456789"}},
                      SplitCase{"Doctor", {"Doctor"}},    // "or" inside a word stays
                      SplitCase{"order 5", {"order 5"}},  // as a prefix too
                      SplitCase{" / ,, ; ", {}},          // empty pieces dropped
                      SplitCase{"", {}}, SplitCase{"\u00a09876543210\u00a0", {"9876543210"}}));

}  // namespace
}  // namespace rx::phone
