#include "phone/decimal_text.h"

#include <algorithm>
#include <cstddef>

#include "phone/ascii.h"

namespace rx::phone {
namespace {

// Exponents beyond this cannot be a phone number and would make us write huge strings.
constexpr std::size_t kMaxExponent = 40;

}  // namespace

Expansion expand_scientific(std::string_view text, bool pad_with_zeros, std::string& out) {
  const std::size_t e_pos = text.find_first_of("eE");
  if (e_pos == std::string_view::npos || e_pos == 0) return Expansion::kNotScientific;
  std::string_view mantissa = text.substr(0, e_pos);
  std::string_view exponent = text.substr(e_pos + 1);

  bool negative = false;
  if (mantissa.front() == '+' || mantissa.front() == '-') {
    negative = mantissa.front() == '-';
    mantissa.remove_prefix(1);
  }
  const std::size_t dot = mantissa.find('.');
  std::string_view int_part = mantissa.substr(0, dot);
  std::string_view frac_part =
      dot == std::string_view::npos ? std::string_view{} : mantissa.substr(dot + 1);
  if (int_part.empty() || !all_ascii_digits(int_part) || !all_ascii_digits(frac_part)) {
    return Expansion::kNotScientific;
  }

  bool negative_exponent = false;
  if (!exponent.empty() && (exponent.front() == '+' || exponent.front() == '-')) {
    negative_exponent = exponent.front() == '-';
    exponent.remove_prefix(1);
  }
  if (exponent.empty() || !all_ascii_digits(exponent)) return Expansion::kNotScientific;
  while (exponent.size() > 1 && exponent.front() == '0') exponent.remove_prefix(1);
  if (exponent.size() > 2) return Expansion::kNotInteger;
  std::size_t exp = 0;
  for (char c : exponent) exp = exp * 10 + static_cast<std::size_t>(c - '0');
  if (negative || exp > kMaxExponent) return Expansion::kNotInteger;

  if (negative_exponent && exp > 0) {
    // 5E-01 and the like: an integer only when the value is zero.
    const auto zero = [](char c) { return c == '0'; };
    if (!std::all_of(int_part.begin(), int_part.end(), zero) ||
        !std::all_of(frac_part.begin(), frac_part.end(), zero)) {
      return Expansion::kNotInteger;
    }
    out.assign("0");
    return Expansion::kExpanded;
  }

  out.assign(int_part);
  if (frac_part.size() >= exp) {
    out.append(frac_part.substr(0, exp));
    const std::string_view rest = frac_part.substr(exp);
    if (!std::all_of(rest.begin(), rest.end(), [](char c) { return c == '0'; })) {
      return Expansion::kNotInteger;
    }
  } else {
    if (!pad_with_zeros) return Expansion::kShortened;
    out.append(frac_part);
    out.append(exp - frac_part.size(), '0');
  }
  const std::size_t first = out.find_first_not_of('0');
  out.erase(0, first == std::string::npos ? out.size() - 1 : first);
  return Expansion::kExpanded;
}

std::string_view strip_zero_fraction(std::string_view text) {
  const std::size_t dot = text.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == text.size()) return text;
  const std::string_view frac = text.substr(dot + 1);
  if (!std::all_of(frac.begin(), frac.end(), [](char c) { return c == '0'; })) return text;
  std::string_view integer = text.substr(0, dot);
  if (!integer.empty() && integer.front() == '+') integer.remove_prefix(1);
  if (integer.empty() || !all_ascii_digits(integer)) return text;
  return text.substr(0, dot);
}

}  // namespace rx::phone
