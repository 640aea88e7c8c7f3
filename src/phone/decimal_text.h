#pragma once

#include <string>
#include <string_view>

namespace rx::phone {

// Spreadsheets turn long digit strings into numbers; these helpers undo that on the text alone,
// digit by digit, because a double cannot hold every 12-17 digit phone number exactly.

enum class Expansion {
  kNotScientific,  // the text is not of the form 1.23E+09
  kExpanded,       // `out` holds the integer written out in full
  kShortened,      // fewer mantissa digits than the exponent needs: digits were lost
  kNotInteger,     // a fraction survives (1.5E+00) or the value is negative
};

// Expands "9.876543210E+09" to "9876543210". With `pad_with_zeros` the missing digits are zeros
// (right for a numeric spreadsheet cell, whose XML text is the exact stored value); without it a
// mantissa too short for the exponent is kShortened (right for text exported from Excel).
Expansion expand_scientific(std::string_view text, bool pad_with_zeros, std::string& out);

// "9876543210.0" and "9876543210.000" -> "9876543210"; anything else is returned unchanged.
// Only an all-digit integer part (optionally after '+') qualifies.
std::string_view strip_zero_fraction(std::string_view text);

}  // namespace rx::phone
