#include "phone/phone_normalizer.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <set>
#include <utility>

#include "phone/cell_splitter.h"
#include "phone/failure_reasons.h"
#include "phone/region_fast_path.h"
#include "phone/text_repair.h"

namespace rx::phone {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

NumberType from_libphonenumber(PhoneNumberUtil::PhoneNumberType type) {
  switch (type) {
    case PhoneNumberUtil::FIXED_LINE:
      return NumberType::kFixedLine;
    case PhoneNumberUtil::MOBILE:
      return NumberType::kMobile;
    case PhoneNumberUtil::FIXED_LINE_OR_MOBILE:
      return NumberType::kFixedLineOrMobile;
    case PhoneNumberUtil::TOLL_FREE:
      return NumberType::kTollFree;
    case PhoneNumberUtil::PREMIUM_RATE:
      return NumberType::kPremiumRate;
    case PhoneNumberUtil::SHARED_COST:
      return NumberType::kSharedCost;
    case PhoneNumberUtil::VOIP:
      return NumberType::kVoip;
    case PhoneNumberUtil::PERSONAL_NUMBER:
      return NumberType::kPersonalNumber;
    case PhoneNumberUtil::PAGER:
      return NumberType::kPager;
    case PhoneNumberUtil::UAN:
      return NumberType::kUan;
    case PhoneNumberUtil::VOICEMAIL:
      return NumberType::kVoicemail;
    case PhoneNumberUtil::UNKNOWN:
      break;
  }
  return NumberType::kUnknown;
}

tl::unexpected<std::string> fail(std::string_view reason) {
  return tl::unexpected<std::string>(std::string(reason));
}

// libphonenumber reads three or more letters as a vanity number ("1800-FLOWERS") and quietly
// drops fewer; in a pharmacy's sheet letters mean a note or a placeholder ("nil", "N/A").
bool has_letters(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}

std::string upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

PhoneNormalizer::PhoneNormalizer(std::string default_region)
    : region_(upper(std::move(default_region))), fast_(RegionFastPath::for_region(region_)) {}

tl::expected<Phone, std::string> PhoneNormalizer::normalize(std::string_view raw) const {
  // One buffer per thread: most repaired numbers ("0091 98765 43210") are too long for the
  // small-string buffer, and this runs once per cell of a 100,000-row sheet.
  thread_local std::string text;
  RepairError error = RepairError::kEmpty;
  if (!repair_phone_text(raw, text, error)) {
    switch (error) {
      case RepairError::kEmpty:
        return fail(kReasonEmpty);
      case RepairError::kShortenedByExcel:
        return fail(kReasonShortenedByExcel);
      case RepairError::kNotInteger:
        return fail(kReasonNotAPhoneNumber);
    }
  }
  if (has_letters(text)) return fail(kReasonNotAPhoneNumber);
  if (!fast_) return normalize_slow(text);
  Phone phone;
  switch (fast_->try_parse(text, phone)) {
    case RegionFastPath::Outcome::kValid:
      return phone;
    case RegionFastPath::Outcome::kTooShort:
      return fail(kReasonTooShort);
    case RegionFastPath::Outcome::kTooLong:
      return fail(kReasonTooLong);
    case RegionFastPath::Outcome::kInvalidForRegion:
      return tl::unexpected<std::string>(std::string(kReasonInvalidForRegion) + region_);
    case RegionFastPath::Outcome::kDeclined:
      break;
  }
  return normalize_slow(text);
}

tl::expected<Phone, std::string> PhoneNormalizer::normalize_slow(const std::string& text) const {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  PhoneNumber number;
  switch (util.Parse(text, region_, &number)) {
    case PhoneNumberUtil::NO_PARSING_ERROR:
      break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
      return fail(kReasonUnknownCountryCode);
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
      return fail(kReasonTooShort);
    case PhoneNumberUtil::TOO_LONG_NSN:
      return fail(kReasonTooLong);
    case PhoneNumberUtil::NOT_A_NUMBER:
      return fail(kReasonNotAPhoneNumber);
  }
  if (util.IsValidNumber(number)) {
    Phone phone;
    util.Format(number, PhoneNumberUtil::E164, &phone.e164);
    phone.type = from_libphonenumber(util.GetNumberType(number));
    return phone;
  }
  switch (util.IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
      return fail(kReasonTooShort);
    case PhoneNumberUtil::TOO_LONG:
      return fail(kReasonTooLong);
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
      return fail(kReasonUnknownCountryCode);
    default:
      break;
  }
  std::string number_region;
  util.GetRegionCodeForCountryCode(number.country_code(), &number_region);
  if (number_region == "ZZ" || number_region == "001") number_region = region_;
  return tl::unexpected<std::string>(std::string(kReasonInvalidForRegion) + number_region);
}

std::vector<std::string> PhoneNormalizer::split_cell(std::string_view cell) {
  std::vector<std::string> pieces;
  for_each_cell_piece(cell, [&](std::string_view piece) { pieces.emplace_back(piece); });
  return pieces;
}

bool is_valid_region(std::string_view region) {
  static const std::set<std::string, std::less<>> regions = [] {
    std::set<std::string> supported;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&supported);
    return std::set<std::string, std::less<>>(supported.begin(), supported.end());
  }();
  return regions.find(region) != regions.end();
}

}  // namespace rx::phone
