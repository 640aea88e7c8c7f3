#pragma once
// ASCII character classes the phone code needs, independent of the C locale.

#include <algorithm>
#include <string_view>

namespace rx::phone {

inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

inline bool all_ascii_digits(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_ascii_digit);
}

}  // namespace rx::phone
