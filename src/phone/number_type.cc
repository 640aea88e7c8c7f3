#include "phone/number_type.h"

namespace rx::phone {

std::string_view to_string(NumberType type) {
  switch (type) {
    case NumberType::kMobile:
      return "mobile";
    case NumberType::kFixedLine:
      return "fixed_line";
    case NumberType::kFixedLineOrMobile:
      return "fixed_line_or_mobile";
    case NumberType::kTollFree:
      return "toll_free";
    case NumberType::kPremiumRate:
      return "premium_rate";
    case NumberType::kSharedCost:
      return "shared_cost";
    case NumberType::kVoip:
      return "voip";
    case NumberType::kPersonalNumber:
      return "personal_number";
    case NumberType::kPager:
      return "pager";
    case NumberType::kUan:
      return "uan";
    case NumberType::kVoicemail:
      return "voicemail";
    case NumberType::kUnknown:
      break;
  }
  return "unknown";
}

}  // namespace rx::phone
