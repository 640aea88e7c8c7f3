#include "import/cell_text.h"

#include <algorithm>

namespace rx::import {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// U+00A0, U+2007 and U+202F in UTF-8.
std::size_t no_break_space_at_start(std::string_view s) {
  if (s.starts_with("\xC2\xA0")) return 2;
  if (s.starts_with("\xE2\x80\xAF") || s.starts_with("\xE2\x80\x87")) return 3;
  return 0;
}

std::size_t no_break_space_at_end(std::string_view s) {
  if (s.ends_with("\xC2\xA0")) return 2;
  if (s.ends_with("\xE2\x80\xAF") || s.ends_with("\xE2\x80\x87")) return 3;
  return 0;
}

}  // namespace

std::string_view trim_cell(std::string_view cell) {
  for (;;) {
    if (!cell.empty() && is_space(cell.front())) {
      cell.remove_prefix(1);
    } else if (const std::size_t n = no_break_space_at_start(cell); n > 0) {
      cell.remove_prefix(n);
    } else {
      break;
    }
  }
  for (;;) {
    if (!cell.empty() && is_space(cell.back())) {
      cell.remove_suffix(1);
    } else if (const std::size_t n = no_break_space_at_end(cell); n > 0) {
      cell.remove_suffix(n);
    } else {
      break;
    }
  }
  return cell;
}

bool is_blank_row(std::span<const std::string_view> cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](std::string_view c) { return trim_cell(c).empty(); });
}

}  // namespace rx::import
