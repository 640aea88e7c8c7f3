#include "phone/text_repair.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>

#include "phone/ascii.h"
#include "phone/decimal_text.h"

namespace rx::phone {
namespace {

// The zero of every run of ten Unicode decimal digits (general category Nd, Unicode 14). Each
// run holds the digits 0-9 in order, so a code point's value is its distance from the zero.
constexpr std::array<char32_t, 66> kDigitZeros = {
    0x30,    0x660,   0x6F0,   0x7C0,   0x966,   0x9E6,   0xA66,   0xAE6,   0xB66,   0xBE6,
    0xC66,   0xCE6,   0xD66,   0xDE6,   0xE50,   0xED0,   0xF20,   0x1040,  0x1090,  0x17E0,
    0x1810,  0x1946,  0x19D0,  0x1A80,  0x1A90,  0x1B50,  0x1BB0,  0x1C40,  0x1C50,  0xA620,
    0xA8D0,  0xA900,  0xA9D0,  0xA9F0,  0xAA50,  0xABF0,  0xFF10,  0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0,
    0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2,
    0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
};

int digit_value(char32_t cp) {
  auto it = std::upper_bound(kDigitZeros.begin(), kDigitZeros.end(), cp);
  if (it == kDigitZeros.begin()) return -1;
  --it;
  const char32_t offset = cp - *it;
  return offset < 10 ? static_cast<int>(offset) : -1;
}

bool is_no_break_space(char32_t cp) { return cp == 0xA0 || cp == 0x202F || cp == 0x2007; }

// Decodes one UTF-8 sequence at `s[i]`; returns its length, or 0 when it is not valid UTF-8.
std::size_t decode_utf8(std::string_view s, std::size_t i, char32_t& cp) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = 0;
  char32_t min = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else {
    return 0;
  }
  if (i + len > s.size()) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

}  // namespace

void fold_digits_and_spaces(std::string_view text, std::string& out) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode_utf8(text, i, cp);
    if (len == 0) {
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    if (const int d = digit_value(cp); d >= 0) {
      out.push_back(static_cast<char>('0' + d));
    } else if (is_no_break_space(cp)) {
      out.push_back(' ');
    } else {
      out.append(text.substr(i, len));
    }
    i += len;
  }
}

bool repair_phone_text(std::string_view raw, std::string& out, RepairError& error) {
  out.clear();
  fold_digits_and_spaces(raw, out);

  std::size_t begin = 0;
  std::size_t end = out.size();
  while (begin < end && is_ascii_space(out[begin])) ++begin;
  while (end > begin && is_ascii_space(out[end - 1])) --end;
  out.erase(end);
  out.erase(0, begin);
  if (out.empty()) {
    error = RepairError::kEmpty;
    return false;
  }

  std::string expanded;
  switch (expand_scientific(out, /*pad_with_zeros=*/false, expanded)) {
    case Expansion::kExpanded:
      out.swap(expanded);
      return true;
    case Expansion::kShortened:
      error = RepairError::kShortenedByExcel;
      return false;
    case Expansion::kNotInteger:
      error = RepairError::kNotInteger;
      return false;
    case Expansion::kNotScientific:
      break;
  }
  const std::string_view kept = strip_zero_fraction(out);
  out.resize(kept.size());
  return true;
}

}  // namespace rx::phone
