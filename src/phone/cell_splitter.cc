#include "phone/cell_splitter.h"

#include <cstddef>

#include "phone/ascii.h"

namespace rx::phone {
namespace {

bool is_separator(char c) { return c == '/' || c == ',' || c == ';' || c == '|'; }

// Bytes of multi-byte UTF-8 sequences count as letters, so "or" inside a non-ASCII word stays.
bool is_letter(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

// Also trims the UTF-8 no-break spaces Excel users paste (U+00A0, U+2007, U+202F).
std::string_view trim(std::string_view s) {
  for (;;) {
    if (!s.empty() && is_ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else if (s.starts_with("\xE2\x80\xAF") || s.starts_with("\xE2\x80\x87")) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  for (;;) {
    if (!s.empty() && is_ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else if (s.ends_with("\xE2\x80\xAF") || s.ends_with("\xE2\x80\x87")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return s;
}

bool is_word_or(std::string_view cell, std::size_t i) {
  if (i + 2 > cell.size()) return false;
  const char o = cell[i];
  const char r = cell[i + 1];
  if ((o != 'o' && o != 'O') || (r != 'r' && r != 'R')) return false;
  if (i > 0 && is_letter(cell[i - 1])) return false;
  if (i + 2 < cell.size() && is_letter(cell[i + 2])) return false;
  return true;
}

}  // namespace

void for_each_cell_piece(std::string_view cell,
                         const std::function<void(std::string_view)>& piece) {
  std::size_t start = 0;
  auto emit = [&](std::size_t end) {
    const std::string_view p = trim(cell.substr(start, end - start));
    if (!p.empty()) piece(p);
  };
  for (std::size_t i = 0; i < cell.size();) {
    if (is_separator(cell[i])) {
      emit(i);
      start = ++i;
    } else if (is_word_or(cell, i)) {
      emit(i);
      i += 2;
      start = i;
    } else {
      ++i;
    }
  }
  emit(cell.size());
}

}  // namespace rx::phone
