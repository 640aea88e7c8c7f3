// The fast path must never disagree with libphonenumber: for random inputs in the shapes people
// type, whenever it answers, libphonenumber must give the same E.164 number and type.
#include "phone/region_fast_path.h"

#include <gtest/gtest.h>
#include <phonenumbers/phonenumberutil.h>

#include <random>
#include <string>

#include "phone/digit_pattern.h"

namespace rx::phone {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

using Outcome = RegionFastPath::Outcome;

struct LibResult {
  Outcome outcome = Outcome::kDeclined;  // kDeclined: a parse error
  std::string e164;
  int type = -1;
};

// What libphonenumber says, in the fast path's terms (as PhoneNormalizer maps it).
LibResult ask_libphonenumber(const std::string& text, const std::string& region) {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  LibResult out;
  if (util.Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return out;
  if (util.IsValidNumber(number)) {
    out.outcome = Outcome::kValid;
    util.Format(number, PhoneNumberUtil::E164, &out.e164);
    out.type = util.GetNumberType(number);
    return out;
  }
  switch (util.IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
      out.outcome = Outcome::kTooShort;
      break;
    case PhoneNumberUtil::TOO_LONG:
      out.outcome = Outcome::kTooLong;
      break;
    default:
      out.outcome = Outcome::kInvalidForRegion;
      break;
  }
  return out;
}

// libphonenumber's numbering of types (PhoneNumberUtil::PhoneNumberType).
int lib_type(NumberType type) {
  switch (type) {
    case NumberType::kFixedLine:
      return PhoneNumberUtil::FIXED_LINE;
    case NumberType::kMobile:
      return PhoneNumberUtil::MOBILE;
    case NumberType::kFixedLineOrMobile:
      return PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
    case NumberType::kTollFree:
      return PhoneNumberUtil::TOLL_FREE;
    case NumberType::kPremiumRate:
      return PhoneNumberUtil::PREMIUM_RATE;
    case NumberType::kSharedCost:
      return PhoneNumberUtil::SHARED_COST;
    case NumberType::kVoip:
      return PhoneNumberUtil::VOIP;
    case NumberType::kPersonalNumber:
      return PhoneNumberUtil::PERSONAL_NUMBER;
    case NumberType::kPager:
      return PhoneNumberUtil::PAGER;
    case NumberType::kUan:
      return PhoneNumberUtil::UAN;
    case NumberType::kVoicemail:
      return PhoneNumberUtil::VOICEMAIL;
    case NumberType::kUnknown:
      break;
  }
  return PhoneNumberUtil::UNKNOWN;
}

std::string random_number(std::mt19937& rng) {
  static const char* const kPrefixes[] = {"",      "+91", "0091", "91",   "0",    "+",
                                          "00",    "+1",  "+44",  "+910", "9191", "00 91",
                                          "+91 0", "(0",  "+9",   "1800", "0800", "000800"};
  static const char kPunctuation[] = " -.()";
  std::string s = kPrefixes[rng() % std::size(kPrefixes)];
  const int length = 1 + static_cast<int>(rng() % 14);
  // Mostly plausible Indian leading digits, sometimes anything.
  const char first =
      rng() % 3 == 0 ? static_cast<char>('0' + rng() % 10) : static_cast<char>('6' + rng() % 4);
  s.push_back(first);
  for (int k = 1; k < length; ++k) {
    s.push_back(static_cast<char>('0' + rng() % 10));
    if (rng() % 7 == 0) s.push_back(kPunctuation[rng() % 5]);
  }
  return s;
}

void check_region(const std::string& region, int iterations, int& answered) {
  const auto fast = RegionFastPath::for_region(region);
  if (!fast) return;  // a region the fast path declines (shared country code...)
  std::mt19937 rng(20240602);
  for (int i = 0; i < iterations; ++i) {
    const std::string text = random_number(rng);
    Phone phone;
    const Outcome outcome = fast->try_parse(text, phone);
    if (outcome == Outcome::kDeclined) continue;
    ++answered;
    const LibResult lib = ask_libphonenumber(text, region);
    ASSERT_EQ(static_cast<int>(lib.outcome), static_cast<int>(outcome))
        << region << " '" << text << "' fast says " << phone.e164;
    if (outcome != Outcome::kValid) continue;
    ASSERT_EQ(lib.e164, phone.e164) << region << " '" << text << "'";
    ASSERT_EQ(lib.type, lib_type(phone.type)) << region << " '" << text << "'";
  }
}

TEST(PhoneFastPathTest, AgreesWithLibphonenumberForIndia) {
  int answered = 0;
  check_region("IN", 60000, answered);
  EXPECT_GT(answered, 20000);
}

TEST(PhoneFastPathTest, AgreesWithLibphonenumberElsewhere) {
  int answered = 0;
  for (const char* region : {"GB", "DE", "AE", "SG", "NP", "LK", "BD", "AU", "FR", "BR", "PK"}) {
    check_region(region, 5000, answered);
  }
  EXPECT_GT(answered, 100);
}

TEST(PhoneFastPathTest, AnswersTheUsualIndianForms) {
  const auto fast = RegionFastPath::for_region("IN");
  ASSERT_NE(fast, nullptr);
  for (const char* text : {"9876543210", "09876543210", "+919876543210", "919876543210",
                           "0091 98765 43210", "+91-98765-43210", "(0)80 2345 6789"}) {
    Phone phone;
    EXPECT_EQ(static_cast<int>(fast->try_parse(text, phone)), static_cast<int>(Outcome::kValid))
        << text;
  }
}

TEST(PhoneFastPathTest, DeclinesSharedCountryCodes) {
  // +1 belongs to many regions; libphonenumber picks the region by number.
  EXPECT_EQ(RegionFastPath::for_region("US"), nullptr);
  EXPECT_EQ(RegionFastPath::for_region("XX"), nullptr);
}

TEST(DigitPatternTest, MatchesTheSubset) {
  const auto pattern = DigitPattern::compile("(?:000800|[2-9]\\d\\d)\\d{7}|1\\d{7,12}", 1000);
  ASSERT_TRUE(pattern.has_value());
  EXPECT_TRUE(pattern->full_match("9876543210"));
  EXPECT_TRUE(pattern->full_match("0008001234567"));
  EXPECT_TRUE(pattern->full_match("18001801234"));
  EXPECT_FALSE(pattern->full_match("0876543210"));
  EXPECT_FALSE(pattern->full_match("98765432100"));
  EXPECT_FALSE(pattern->full_match(""));
  EXPECT_TRUE(DigitPattern::compile("6?[0-3]", 100)->full_match("62"));
  EXPECT_TRUE(DigitPattern::compile("6?[0-3]", 100)->full_match("2"));
  EXPECT_FALSE(DigitPattern::compile("(", 100).has_value());
  EXPECT_FALSE(DigitPattern::compile("a", 100).has_value());
  EXPECT_FALSE(DigitPattern::compile("\\d{2,}", 100).has_value());
  EXPECT_FALSE(DigitPattern::compile("\\d{1,40}\\d{1,40}", 10).has_value());
}

}  // namespace
}  // namespace rx::phone
