#include "import/numeric_text.h"

#include <charconv>
#include <cmath>

#include "phone/decimal_text.h"

namespace rx::import {

std::string_view exact_numeric_text(std::string_view xml_text, std::string& scratch) {
  // A numeric cell's XML text is the exact stored value, so padding with zeros is right here.
  if (phone::expand_scientific(xml_text, /*pad_with_zeros=*/true, scratch) ==
      phone::Expansion::kExpanded) {
    return scratch;
  }
  return phone::strip_zero_fraction(xml_text);
}

std::string_view double_text(double value, std::string& scratch) {
  constexpr std::size_t kBuffer = 400;  // enough for any double in fixed notation
  scratch.resize(kBuffer);
  char* const begin = scratch.data();
  std::to_chars_result result{};
  if (std::isfinite(value) && value == std::trunc(value)) {
    result = std::to_chars(begin, begin + kBuffer, value, std::chars_format::fixed);
  } else {
    result = std::to_chars(begin, begin + kBuffer, value);
  }
  scratch.resize(result.ec == std::errc{} ? static_cast<std::size_t>(result.ptr - begin) : 0);
  return scratch;
}

}  // namespace rx::import
