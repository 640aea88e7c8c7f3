#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "phone/phone.h"

namespace rx::phone {

class RegionData;

// libphonenumber's Parse + IsValidNumber + GetNumberType cost about 30 us a number on this
// hardware (ICU regexes, and hashing each long pattern to find it in its cache), which alone
// would take 3 s for a 100,000-row sheet. This class answers the common case, a number written
// with digits and ordinary punctuation that belongs to the default region, by following the same
// steps as libphonenumber (ParseHelper, MaybeExtractCountryCode,
// MaybeStripNationalPrefixAndCarrierCode, TestNumberLength, GetNumberTypeHelper) on the same
// metadata, with the patterns compiled to DFAs. Anything else it declines, and the caller asks
// libphonenumber. tests/import/phone_fast_path_test.cc checks both agree.
class RegionFastPath {
 public:
  // Shared and immutable; null when the region's metadata needs something this class does not do
  // (a country code shared by several regions, a national prefix rule that is a regex...).
  static std::shared_ptr<const RegionFastPath> for_region(const std::string& region);

  explicit RegionFastPath(std::unique_ptr<const RegionData> data);
  ~RegionFastPath();

  enum class Outcome {
    kValid,     // `out` holds the number
    kTooShort,  // what libphonenumber's IsPossibleNumberWithReason would say of it
    kTooLong,
    kInvalidForRegion,  // a possible length, but no number type of the region matches
    kDeclined,          // not handled here: ask libphonenumber
  };

  // Parses `text` (already repaired: ASCII digits, no letters) as libphonenumber would, for
  // numbers of this region; anything else is kDeclined.
  Outcome try_parse(std::string_view text, Phone& out) const;

 private:
  std::unique_ptr<const RegionData> data_;
};

}  // namespace rx::phone
