#pragma once

#include <string_view>

namespace rx::phone {

// The kinds of number libphonenumber tells apart; kept in its order so the mapping is obvious.
enum class NumberType {
  kMobile,
  kFixedLine,
  kFixedLineOrMobile,
  kTollFree,
  kPremiumRate,
  kSharedCost,
  kVoip,
  kPersonalNumber,
  kPager,
  kUan,
  kVoicemail,
  kUnknown,
};

// The stable snake_case name stored in the database and shown in the API ("mobile", ...).
std::string_view to_string(NumberType type);

}  // namespace rx::phone
